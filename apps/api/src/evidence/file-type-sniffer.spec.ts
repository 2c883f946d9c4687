import { safeFileName, sniffFileType } from './file-type-sniffer';

describe('sniffFileType', () => {
  it('knows files by their content', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n...'))?.contentType).toBe('application/pdf');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.extension).toBe('png');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
    expect(
      sniffFileType(Buffer.from('PK\x03\x04....[Content_Types].xml....word/document.xml', 'latin1'))?.extension,
    ).toBe('docx');
    expect(
      sniffFileType(Buffer.from('PK\x03\x04....[Content_Types].xml....xl/workbook.xml', 'latin1'))?.extension,
    ).toBe('xlsx');
    expect(sniffFileType(Buffer.from('Notes from the audit meeting\n- actions agreed\n'))?.contentType).toBe(
      'text/plain; charset=utf-8',
    );
  });

  it('refuses an executable, whatever it is called, and other binaries', () => {
    expect(sniffFileType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toBeNull();
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from('PK\x03\x04 a plain zip file', 'latin1'))).toBeNull();
    expect(sniffFileType(Buffer.from([0xc3, 0x28, 0x41]))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps a readable name with the extension of what the file is', () => {
    expect(safeFileName('Business plan (final).pdf', 'pdf')).toBe('Business-plan-final.pdf');
    expect(safeFileName('../../etc/passwd', 'txt')).toBe('etc-passwd.txt');
    expect(safeFileName('"; rm -rf.exe', 'pdf')).toBe('rm-rf.pdf');
    expect(safeFileName('Réflexion été.docx', 'docx')).toBe('Reflexion-ete.docx');
  });
});
