import { deflateSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import type { Client, TestApp } from './app.js';

/** One question of a test template. */
export interface QuestionSpec {
  code: string;
  type: 'BOOLEAN' | 'INTEGER' | 'DECIMAL' | 'PERCENT' | 'TEXT' | 'SINGLE_CHOICE' | 'MULTI_CHOICE' | 'DATE' | 'ATTACHMENT' | 'INDICATOR_VALUE';
  required?: boolean;
  /** Option keys of a choice question. */
  options?: string[];
  min?: number;
  max?: number;
  /** Indicator code of an INDICATOR_VALUE question. */
  indicator?: string;
  /** Code of the goal (of the earliest adopted program, the demo's) the question covers: M1… */
  goal?: string;
}

export interface TestTemplate {
  id: string;
  /** Question ids by code. */
  q: Record<string, string>;
}

/**
 * A published template written in SQL (as the demo seed does), one section with the given
 * questions: a fixture for tests about reports, not about templates.
 */
export async function publishedTemplate(ds: DataSource, name: string, questions: QuestionSpec[], status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED'): Promise<TestTemplate> {
  const [t] = await ds.query(
    `INSERT INTO report_template (family_id, name, service_area, template_version) VALUES (gen_random_uuid(), $1, 'ALL', 1) RETURNING id`,
    [name],
  );
  const [s] = await ds.query(`INSERT INTO template_section (template_id, position, title) VALUES ($1, 0, 'Avsnitt') RETURNING id`, [t.id]);
  const q: Record<string, string> = {};
  for (const [i, spec] of questions.entries()) {
    const [row] = await ds.query(
      `INSERT INTO question (template_id, section_id, position, code, text, type, required, options, min_value, max_value, indicator_id, goal_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT id FROM indicator WHERE code = $11),
               (SELECT g.id FROM goal g JOIN program p ON p.id = g.program_id WHERE p.status = 'ADOPTED' AND g.code = $12 ORDER BY p.term_start LIMIT 1))
       RETURNING id`,
      [
        t.id,
        s.id,
        i,
        spec.code,
        `Fråga ${spec.code}`,
        spec.type,
        spec.required ?? false,
        spec.options ? JSON.stringify(spec.options.map((key) => ({ key, label: key.toUpperCase() }))) : null,
        spec.min ?? null,
        spec.max ?? null,
        spec.indicator ?? null,
        spec.goal ?? null,
      ],
    );
    q[spec.code] = row.id;
  }
  if (status === 'PUBLISHED') await ds.query(`UPDATE report_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [t.id]);
  return { id: t.id, q };
}

/**
 * A new open round with the template and one NOT_STARTED report (version 1) for the agreement
 * with this reference; another round each time, so the same agreement can have many.
 */
export async function openReport(
  ds: DataSource,
  templateId: string,
  agreementReference: string,
  options: { dueInDays?: number } = {},
): Promise<{ roundId: string; reportId: string }> {
  const [round] = await ds.query(
    `INSERT INTO follow_up_round (name, period, template_id, opens_at, due_at, status, opened_at)
     VALUES ('Testomgång ' || gen_random_uuid(), '2025', $1, now() - interval '60 days', now() + make_interval(days => $2), 'OPEN', now())
     RETURNING id, due_at`,
    [templateId, options.dueInDays ?? 30],
  );
  const [report] = await ds.query(
    `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at)
     SELECT 'RAP-TEST-' || lpad(nextval('report_reference_seq')::text, 5, '0'), $1, a.id, a.provider_id, $2, $3
     FROM agreement a WHERE a.reference = $4 RETURNING id`,
    [round.id, templateId, round.due_at, agreementReference],
  );
  if (!report) throw new Error(`no agreement ${agreementReference}`);
  return { roundId: round.id, reportId: report.id };
}

export interface UploadResult {
  status: number;
  body: any;
  requestId: string | null;
}

/** POST /attachments as the browser sends it: multipart, the client's session, the preflight header. */
export async function upload(
  app: TestApp,
  client: Client,
  fields: { reportId: string; questionId: string },
  file: { name: string; bytes: Buffer; type?: string },
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<UploadResult> {
  const form = new FormData();
  form.set('reportId', fields.reportId);
  form.set('questionId', fields.questionId);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(`${app.url}/attachments`, {
    method: 'POST',
    headers: { ...(client.cookie ? { cookie: client.cookie } : {}), ...headers },
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body, requestId: res.headers.get('x-request-id') };
}

/** GET /attachments/:id with the client's session. */
export async function download(app: TestApp, client: Client, id: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${app.url}/attachments/${id}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** A small valid one-page PDF; `padding` makes it larger (a PDF comment). */
export function pdfBytes(padding = 0): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
      (padding ? `%${'x'.repeat(padding)}\n` : '') +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 2×2 RGB PNG. */
export function pngBytes(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0); // width
  ihdr.writeUInt32BE(2, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]); // filter byte + 2 pixels, twice
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a Windows executable (MZ header, PE signature). */
export function exeBytes(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'ascii');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'binary');
  return b;
}

export const htmlBytes = (): Buffer => Buffer.from('<!DOCTYPE html><html><head><script>alert(1)</script></head><body>Hej</body></html>\n');

/** The BAD_USER_INPUT fields of a result that must have failed with exactly one such error. */
export function badFields(res: { errors?: { message: string; extensions: Record<string, unknown> }[] }): { path: string; message: string }[] {
  if (res.errors?.length !== 1 || res.errors[0].extensions.code !== 'BAD_USER_INPUT') {
    throw new Error(`expected one BAD_USER_INPUT, got ${JSON.stringify(res.errors)}`);
  }
  return res.errors[0].extensions.fields as { path: string; message: string }[];
}
