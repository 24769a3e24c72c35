import { declaredType, kindOf, readableSize } from './media-types';

describe('declaredType', () => {
  it('keeps an accepted type the browser gives, without its parameters', () => {
    expect(declaredType({ name: 'a.png', type: 'image/png' })).toBe('image/png');
    expect(declaredType({ name: 'voice.webm', type: 'audio/webm;codecs=opus' })).toBe('audio/webm');
    expect(declaredType({ name: 'Scan.PDF', type: 'application/pdf' })).toBe('application/pdf');
  });

  it('reads the extension when the browser does not know the type (HEIC, M4A on many systems)', () => {
    expect(declaredType({ name: 'IMG_0042.HEIC', type: '' })).toBe('image/heic');
    expect(declaredType({ name: 'memo.m4a', type: 'application/octet-stream' })).toBe('audio/mp4');
  });

  it('refuses what the server would refuse: a type it does not take, or no clue at all', () => {
    expect(declaredType({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
    expect(declaredType({ name: 'clip.mov', type: 'video/quicktime' })).toBeNull();
    expect(declaredType({ name: 'mystery', type: '' })).toBeNull();
    // a type the browser names wins over a hopeful extension
    expect(declaredType({ name: 'page.png', type: 'text/html' })).toBeNull();
  });
});

describe('kindOf and readableSize', () => {
  it('shows images, audio and PDFs each their way', () => {
    expect(kindOf('image/webp')).toBe('image');
    expect(kindOf('audio/ogg')).toBe('audio');
    expect(kindOf('application/pdf')).toBe('pdf');
    expect(kindOf('application/zip')).toBe('other');
  });

  it('says sizes as file managers do', () => {
    expect(readableSize(812)).toBe('812 B');
    expect(readableSize(14_200)).toBe('14 KB');
    expect(readableSize(3_240_000)).toBe('3.2 MB');
  });
});
