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

  it("isolates the user's text it names in a <bdi>, so right-to-left words keep their order inside the sentence", async () => {
    const fixture = TestBed.createComponent(ConfirmDialog);
    fixture.componentRef.setInput('title', 'Delete journal?');
    fixture.componentRef.setInput('text', '“{subject}” and its 3 entries will be deleted.');
    fixture.componentRef.setInput('subject', 'יומן הבוקר');
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).querySelector('#confirm-text')!;
    expect(text.textContent).toBe('“יומן הבוקר” and its 3 entries will be deleted.');
    expect(text.querySelector('bdi')?.textContent).toBe('יומן הבוקר');
    fixture.destroy();
  });
});
