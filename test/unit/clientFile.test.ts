import { describe, expect, it } from 'vitest';
import { DESIGN_VERSION, defaultDesign, parseDesign } from '../../src/model/design';
import { customDesign } from './helpers/designs';
import {
  CLIENT_FILE_FORMAT,
  MAX_STUDIO_FILE_BYTES,
  StudioFileError,
  checkStudioFileSize,
  exportClientFile,
  exportDesignFile,
  fileNameFor,
  parseStudioFile,
  type ClientFileClient,
  type ClientFileDesign,
} from '../../src/storage/clientFile';
import { profileOf } from '../../src/storage/clientRecord';

const client: ClientFileClient = {
  name: 'Jörg Müller',
  consultationDate: '2026-03-14',
  notes: 'Norwood 6, wants a soft front.\nAllergic to latex.',
  profile: profileOf(customDesign()),
  createdAt: '2026-03-14T09:30:00.000Z',
};
const designs: ClientFileDesign[] = [
  { name: 'First idea', createdAt: '2026-03-14T09:40:00.000Z', updatedAt: '2026-03-14T09:45:00.000Z', design: defaultDesign() },
  { name: 'Softer front', createdAt: '2026-03-14T10:00:00.000Z', updatedAt: '2026-03-14T10:20:30.123Z', design: customDesign() },
];
const EXPORTED_AT = '2026-03-14T10:30:00.000Z';

function refusal(text: string): StudioFileError {
  try {
    parseStudioFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(StudioFileError);
    return e as StudioFileError;
  }
  throw new Error(`accepted: ${text.slice(0, 80)}`);
}

/** The valid client file as an object, to break one thing at a time. */
const goodClientFile = () => JSON.parse(exportClientFile(client, designs, { exportedAt: EXPORTED_AT }));

describe('studio files', () => {
  it('a design file round-trips byte for byte and is the JSON the app has always saved', () => {
    for (const d of [defaultDesign(), customDesign()]) {
      const text = exportDesignFile(d);
      expect(text).toBe(JSON.stringify(d, null, 2));
      const parsed = parseStudioFile(text);
      expect(parsed.kind).toBe('design');
      if (parsed.kind !== 'design') return;
      expect(parsed.design).toEqual(d);
      expect(exportDesignFile(parsed.design)).toBe(text);
    }
  });

  it('a client file round-trips byte for byte (export → parse → export)', () => {
    const text = exportClientFile(client, designs, { exportedAt: EXPORTED_AT });
    const head = JSON.parse(text);
    expect(Object.keys(head)).toEqual(['format', 'formatVersion', 'exportedAt', 'client', 'designs']);
    expect(head.format).toBe('smp-studio-client');
    expect(head.formatVersion).toBe(1);
    expect(text.split('\n')[1]).toBe('  "format": "smp-studio-client",'); // 2-space pretty JSON
    const parsed = parseStudioFile(text);
    expect(parsed.kind).toBe('client');
    if (parsed.kind !== 'client') return;
    expect(parsed.exportedAt).toBe(EXPORTED_AT);
    expect(parsed.client).toEqual(client);
    expect(parsed.designs.map((d) => d.name)).toEqual(['First idea', 'Softer front']);
    expect(parsed.designs[1].design).toEqual(customDesign());
    expect(exportClientFile(parsed.client, parsed.designs, { exportedAt: parsed.exportedAt })).toBe(text);
    console.log(`client file with 2 designs: ${text.length} chars`);
  });

  it('exportedAt defaults to now; a Date is written as ISO text', () => {
    const before = Date.now();
    const at = JSON.parse(exportClientFile(client, [])).exportedAt;
    expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(at)).toBeLessThanOrEqual(Date.now() + 1);
    expect(JSON.parse(exportClientFile(client, [], { exportedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) })).exportedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('migrates version 1 and 2 designs, alone and inside a client file', () => {
    const { hair: _h, pigment: _p, hairLoss: _l, stubble: _s, scars: _c, fade: _f, ...rest } = defaultDesign();
    const v1 = { ...rest, version: 1, name: 'Old file', hairline: { midFrontalHeightMm: 74, transitionMm: 14 } };
    const v2 = { ...rest, hair: _h, pigment: _p, version: 2, name: 'Version 2', hairline: { midFrontalHeightMm: 92, transitionMm: 6 } };
    const alone = parseStudioFile(JSON.stringify(v1));
    expect(alone.kind).toBe('design');
    if (alone.kind === 'design') {
      expect(alone.design.version).toBe(DESIGN_VERSION);
      expect(alone.design.hairline.midFrontalHeightMm).toBe(74);
      expect(alone.design.pigment).toEqual({ depthMm: 0.2, tone: 'neutral' });
    }
    const file = goodClientFile();
    file.designs[0].design = v1;
    file.designs[1].design = v2;
    const parsed = parseStudioFile(JSON.stringify(file));
    if (parsed.kind !== 'client') throw new Error('not a client file');
    expect(parsed.designs.map((d) => d.design.version)).toEqual([DESIGN_VERSION, DESIGN_VERSION]);
    expect(parsed.designs[0].design.name).toBe('Old file');
    expect(parsed.designs[1].design.hairLoss).toMatchObject({ pattern: 'diffuse', diffuseRemaining: 0 });
    expect(parsed.designs[1].design).toEqual(parseDesign(v2));
  });

  it('keeps a name with markup as plain text, unchanged', () => {
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';
    const text = exportClientFile({ ...client, name }, [{ ...designs[0], name }], { exportedAt: EXPORTED_AT });
    const parsed = parseStudioFile(text);
    if (parsed.kind !== 'client') throw new Error('not a client file');
    expect(parsed.client.name).toBe(name);
    expect(parsed.designs[0].name).toBe(name);
    // The name is trimmed, nothing else.
    const spaced = parseStudioFile(JSON.stringify({ ...goodClientFile(), client: { ...goodClientFile().client, name: '  Ana  ' } }));
    expect(spaced.kind === 'client' && spaced.client.name).toBe('Ana');
  });

  it('tolerates a byte-order mark in front of the JSON', () => {
    const parsed = parseStudioFile('\uFEFF' + exportDesignFile(defaultDesign()));
    expect(parsed.kind === 'design' && parsed.design).toEqual(defaultDesign());
  });

  it('refuses each malformed file with a specific message', () => {
    const good = exportClientFile(client, designs, { exportedAt: EXPORTED_AT });
    const d = defaultDesign();
    const with_ = (change: (f: ReturnType<typeof goodClientFile>) => void) => {
      const f = goodClientFile();
      change(f);
      return JSON.stringify(f);
    };
    const hugeBytes = Math.round(85.3 * 1024 * 1024);
    const cases: [string, string, RegExp, string?][] = [
      ['empty string', '', /^The file is empty\.$/],
      ['only spaces', '  \n ', /^The file is empty\.$/],
      ['truncated JSON', good.slice(0, good.length >> 1), /^The file is not valid JSON \(it may be cut short\)\.$/],
      ['plain text', 'hello', /^The file is not valid JSON/],
      ['a huge file (85.3 MB)', ' '.repeat(hugeBytes), /^The file is 85\.3 MB; a studio file is at most 80 MB\.$/],
      ['JSON null', 'null', /^The file holds null, not a design or a client record\.$/],
      ['an array', JSON.stringify([goodClientFile()]), /^The file holds a list, not a design or a client record\.$/],
      ['a number', '42', /^The file holds a number, not/],
      ['a string', '"design"', /^The file holds text, not/],
      ['neither kind', JSON.stringify({ name: 'x', seed: 1 }), /neither a design nor a client record: it has no 'version' .* no 'format'/],
      ['unknown format', with_((f) => (f.format = 'foo')), /^Unknown file format 'foo'; this app opens design files and 'smp-studio-client' files\.$/, 'format'],
      ['format as a number', with_((f) => (f.format = 42)), /^Unknown file format a number/, 'format'],
      ['newer format version', with_((f) => (f.formatVersion = 7)), /^Client file version 7 is newer than this app understands \(1\)\. Update the app to open it\.$/, 'formatVersion'],
      ['format version 0', with_((f) => (f.formatVersion = 0)), /^Client file version 0 is not supported\.$/, 'formatVersion'],
      ['format version as text', with_((f) => (f.formatVersion = '1')), /^The client file has no formatVersion number\.$/, 'formatVersion'],
      ['exportedAt missing', with_((f) => delete f.exportedAt), /^exportedAt is missing$/, 'exportedAt'],
      ['client missing', with_((f) => delete f.client), /^client is missing$/, 'client'],
      ['client as an array', with_((f) => (f.client = [f.client])), /^client must be an object \(it is a list\)$/, 'client'],
      ['empty client name', with_((f) => (f.client.name = '   ')), /^client\.name must be text of 1 to 120 characters \(it is empty\)$/, 'client.name'],
      ['client name of 121 characters', with_((f) => (f.client.name = 'x'.repeat(121))), /^client\.name must be text of 1 to 120 characters \(it has 121\)$/, 'client.name'],
      ['client name as a number', with_((f) => (f.client.name = 7)), /^client\.name must be text of 1 to 120 characters \(it is a number\)$/, 'client.name'],
      ['30 February', with_((f) => (f.client.consultationDate = '2026-02-30')), /^client\.consultationDate must be a date written like 2026-03-14 \(it is '2026-02-30'\)$/, 'client.consultationDate'],
      ['a date in another format', with_((f) => (f.client.consultationDate = '14/03/2026')), /^client\.consultationDate must be a date written like 2026-03-14 \(it is '14\/03\/2026'\)$/],
      ['notes of 5001 characters', with_((f) => (f.client.notes = 'n'.repeat(5001))), /^client\.notes must be text of at most 5000 characters \(it has 5001\)$/, 'client.notes'],
      ['notes missing', with_((f) => delete f.client.notes), /^client\.notes is missing$/, 'client.notes'],
      ['Fitzpatrick 7 in the profile', with_((f) => (f.client.profile.fitzpatrick = 7)), /^client\.profile\.fitzpatrick: Fitzpatrick type must be 1 to 6$/, 'client.profile.fitzpatrick'],
      ['unknown hair-loss pattern', with_((f) => (f.client.profile.hairLossPattern = 'norwood-9')), /^client\.profile\.hairLossPattern: Hair-loss pattern must be one of/],
      ['head circumference 900 mm', with_((f) => (f.client.profile.head.circumferenceMm = 900)), /^client\.profile\.head\.circumferenceMm: Head circumference must be at most 660 mm$/],
      ['profile missing', with_((f) => delete f.client.profile), /^client\.profile is missing$/],
      ['createdAt not a time', with_((f) => (f.client.createdAt = 'yesterday')), /^client\.createdAt must be a date and time like 2026-03-14T09:30:00\.000Z \(it is 'yesterday'\)$/],
      ['designs missing', with_((f) => delete f.designs), /^designs is missing$/, 'designs'],
      ['designs not a list', with_((f) => (f.designs = { first: f.designs[0] })), /^designs must be a list of designs \(it is an object\)$/, 'designs'],
      ['201 designs', with_((f) => (f.designs = Array.from({ length: 201 }, () => f.designs[0]))), /^designs must be a list of at most 200 designs \(it has 201\)$/, 'designs'],
      ['a design entry null', with_((f) => (f.designs[1] = null)), /^designs\[1\] must be an object with name, createdAt, updatedAt and design \(it is null\)$/, 'designs[1]'],
      ['a design name empty', with_((f) => (f.designs[0].name = '')), /^designs\[0\]\.name must be text of 1 to 120 characters \(it is empty\)$/, 'designs[0].name'],
      ['a design updatedAt bad', with_((f) => (f.designs[0].updatedAt = '2026-13-01T00:00:00Z')), /^designs\[0\]\.updatedAt must be a date and time/],
      [
        'density out of range',
        with_((f) => (f.designs[1].design.layers[0].densityPerCm2 = 5000)),
        /^designs\[1\]\.design\.layers\.0\.densityPerCm2: Density must be at most 2500 dots\/cm²$/,
        'designs[1].design.layers.0.densityPerCm2',
      ],
      ['density as text', with_((f) => (f.designs[1].design.layers[0].densityPerCm2 = '60')), /^designs\[1\]\.design\.layers\.0\.densityPerCm2: Density must be a number$/],
      [
        'a future design version',
        with_((f) => (f.designs[0].design.version = 9)),
        /^designs\[0\]\.design: The design is version 9, newer than this app understands \(3\)/,
        'designs[0].design.version',
      ],
      ['a design as JSON text', with_((f) => (f.designs[0].design = JSON.stringify(f.designs[0].design))), /^designs\[0\]\.design: A design must be an object\.$/, 'designs[0].design'],
      ['a design as a list', with_((f) => (f.designs[0].design = [])), /^designs\[0\]\.design: A design must be an object\.$/, 'designs[0].design'],
      ['design file: density as text', JSON.stringify({ ...d, layers: [{ ...d.layers[0], densityPerCm2: '60' }] }), /^layers\.0\.densityPerCm2: Density must be a number$/, 'layers.0.densityPerCm2'],
      ['design file: version 99', JSON.stringify({ ...d, version: 99 }), /^The design is version 99, newer than this app understands \(3\)\. Update the app to open it\.$/, 'version'],
      ['design file: infinite circumference', JSON.stringify(d).replace(/"circumferenceMm":[0-9.]+/, '"circumferenceMm":1e999'), /^head\.circumferenceMm: /],
      ['design file: no layers', JSON.stringify({ ...d, layers: undefined }), /^layers: /, 'layers'],
    ];
    const messages = new Set<string>();
    for (const [what, text, re, path] of cases) {
      const e = refusal(text);
      if (what !== 'a huge file (85.3 MB)') console.log(`${what.padEnd(36)} -> ${e.message.slice(0, 150)}`);
      else console.log(`${what.padEnd(36)} -> ${e.message}`);
      expect(e.message, what).toMatch(re);
      if (path !== undefined) expect(e.path, what).toBe(path);
      messages.add(e.message);
    }
    expect(cases.length).toBeGreaterThanOrEqual(20);
    // Each refusal says its own thing; the two "not valid JSON" cases, the two empty files and the two
    // designs that are not objects share theirs.
    expect(messages.size).toBe(cases.length - 3);
  });

  it('refuses a file by its size before reading it', () => {
    expect(() => checkStudioFileSize(MAX_STUDIO_FILE_BYTES)).not.toThrow();
    expect(() => checkStudioFileSize(MAX_STUDIO_FILE_BYTES + 1)).toThrow(/^The file is over 80 MB; a studio file is at most 80 MB\.$/);
    expect(() => checkStudioFileSize(Math.round(85.3 * 1024 * 1024))).toThrow('The file is 85.3 MB; a studio file is at most 80 MB.');
    // UTF-8 size, not characters: 43 million 'é' are 43 M characters but 86 MB (82 MiB) of UTF-8.
    expect(() => parseStudioFile('"' + 'é'.repeat(43_000_000) + '"')).toThrow(/^The file is 82 MB;/);
  });

  it('refuses to write a file that would not open', () => {
    expect(() => exportClientFile({ ...client, name: '' }, designs)).toThrow(/^This client cannot be saved to a file: client\.name must be text of 1 to 120 characters \(it is empty\)$/);
    const bad = { ...defaultDesign(), seed: -1 };
    expect(() => exportClientFile(client, [{ ...designs[0], design: bad }])).toThrow(/^This client cannot be saved to a file: designs\[0\]\.design\.seed: /);
    expect(() => exportDesignFile(bad)).toThrow(/^This design cannot be saved to a file: seed: /);
    expect(() =>
      exportClientFile(
        client,
        Array.from({ length: 201 }, () => designs[0]),
      ),
    ).toThrow(/at most 200 designs \(it has 201\)/);
  });

  it('a client file is told from a design file by its content', () => {
    expect(parseStudioFile(exportDesignFile(defaultDesign())).kind).toBe('design');
    expect(parseStudioFile(exportClientFile(client, [])).kind).toBe('client');
    expect(JSON.parse(exportClientFile(client, [])).format).toBe(CLIENT_FILE_FORMAT);
  });

  it('makes safe file names', () => {
    const cases: [string, '.smp.json' | '.smp-client.json', string][] = [
      ['Jörg Müller', '.smp-client.json', 'Jörg Müller.smp-client.json'],
      ['<img src=x onerror=alert(1)>', '.smp.json', 'img src x onerror alert(1).smp.json'],
      ['<script>alert("x")</script>', '.smp.json', 'script alert( x ) script.smp.json'],
      ['../../etc/passwd', '.smp.json', 'etc passwd.smp.json'],
      ['C:\\Users\\a:b*c?d|e"f', '.smp.json', 'C Users a b c d e f.smp.json'],
      ['', '.smp-client.json', 'client.smp-client.json'],
      ['   ', '.smp.json', 'design.smp.json'],
      ['<>/\\', '.smp.json', 'design.smp.json'],
      ['...', '.smp-client.json', 'client.smp-client.json'],
      ['.hidden', '.smp.json', 'hidden.smp.json'],
      ['CON', '.smp.json', 'CON_.smp.json'],
      ['a\u0000b\u001fc\nd', '.smp.json', 'a b c d.smp.json'],
      ['Ms Chen 陈, try 2 🙂', '.smp.json', 'Ms Chen 陈, try 2.smp.json'],
      // Bidi controls go, not turn into spaces: the name reads as it was typed ("Annevil.exe" shown raw).
      ['Ann\u202Eexe.live', '.smp-client.json', 'Annexe.live.smp-client.json'],
      ['\u2067evil\u2069\u200Fgpj\u200E\u061C.exe\u202A\u202B\u202C\u202D\u2066\u2068', '.smp.json', 'evilgpj.exe.smp.json'],
    ];
    for (const [name, suffix, expected] of cases) expect(fileNameFor(name, suffix), name).toBe(expected);
    const long = fileNameFor('x'.repeat(300), '.smp.json');
    expect(long).toBe('x'.repeat(80) + '.smp.json');
  });
});
