import { TestBed } from '@angular/core/testing';
import { ConfirmDialog } from './confirm-dialog';

describe('ConfirmDialog', () => {
  it('focuses Cancel, and answers true on confirm, false on cancel or Escape', async () => {
    const fixture = TestBed.createComponent(ConfirmDialog);
    fixture.componentRef.setInput('title', 'Delete journal?');
    fixture.componentRef.setInput('text', 'It goes.');
    const answers: boolean[] = [];
    fixture.componentInstance.answered.subscribe((a) => answers.push(a));
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const [confirm, cancel] = Array.from(element.querySelectorAll('button'));
    expect(element.querySelector('[role=alertdialog]')?.getAttribute('aria-labelledby')).toBe('confirm-title');
    expect(document.activeElement).toBe(cancel);
    confirm!.click();
    cancel!.click();
    element.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(answers).toEqual([true, false, false]);
    fixture.destroy();
  });
});
