// Evidence files attached to a review question, stored in the workspace so evidence travels with it. Only
// document and image types a reviewer can open safely are accepted, and the content must be what the
// type claims (checked by its first bytes), so nothing executable is stored under a harmless name.
import { createHash, randomBytes } from 'node:crypto';
import { fail } from '../../core/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { User } from '../users/user-store.ts';
import type { Workspace } from '../workspace.ts';
import { type AttachmentInfo, questionOf, readReview } from './review-rounds.ts';

export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

const PK = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Buffer, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const isText = (bytes: Buffer) => !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

/** Accepted types by extension: the content type sent back on download, and the check of the content. */
export const ATTACHMENT_TYPES: Record<string, { contentType: string; looksRight: (bytes: Buffer) => boolean }> = {
  pdf: { contentType: 'application/pdf', looksRight: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  png: { contentType: 'image/png', looksRight: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: 'image/jpeg', looksRight: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', looksRight: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  txt: { contentType: 'text/plain; charset=utf-8', looksRight: isText },
  csv: { contentType: 'text/csv; charset=utf-8', looksRight: isText },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    looksRight: (b) => startsWith(b, PK),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    looksRight: (b) => startsWith(b, PK),
  },
};

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,119}$/;

export async function addAttachment(
  ws: Workspace,
  user: User,
  reviewId: string,
  questionId: string,
  file: { fileName: string; contentBase64: string },
): Promise<AttachmentInfo> {
  const review = await readReview(ws, user.organisation, reviewId);
  questionOf(review, questionId);
  const fileName = file.fileName.trim();
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const type = FILE_NAME.test(fileName) ? ATTACHMENT_TYPES[extension] : undefined;
  const accepted = `a file name of letters, digits, spaces, dots, hyphens and brackets ending .${Object.keys(ATTACHMENT_TYPES).join(', .')}`;
  if (!type) {
    fail('FP_ASSURANCE_ATTACHMENT_TYPE', `${JSON.stringify(file.fileName)} is not an accepted kind of evidence file.`, {
      where: { parameter: 'body.fileName' },
      received: file.fileName,
      accepted,
    });
  }
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES) {
    fail('FP_ASSURANCE_ATTACHMENT_TOO_LARGE', `${fileName} is ${content.length} bytes.`, {
      where: { parameter: 'body.contentBase64' },
      received: `${content.length} bytes`,
      accepted: `at most ${MAX_ATTACHMENT_BYTES} bytes (2 MiB)`,
    });
  }
  if (content.length === 0 || !type.looksRight(content)) {
    fail('FP_ASSURANCE_ATTACHMENT_TYPE', `The content of ${fileName} is not a .${extension} file.`, {
      where: { parameter: 'body.contentBase64' },
      received: content.length === 0 ? 'an empty file' : `content that does not begin as a .${extension} file does`,
      accepted,
    });
  }
  const info = {
    id: `att-${randomBytes(6).toString('hex')}`,
    questionId,
    fileName,
    contentType: type.contentType,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    uploadedBy: user.email,
  };
  return ws.transaction(async () => {
    await ws.run('INSERT INTO review_attachment VALUES ($1, $2, $3, $4, $5, $6, $7, from_base64($8), $9, now())', [
      info.id,
      reviewId,
      questionId,
      info.fileName,
      info.contentType,
      info.sizeBytes,
      info.sha256,
      content.toString('base64'),
      info.uploadedBy,
    ]);
    const at = await ws.one<{ at: string }>(
      "SELECT strftime(uploaded_at, '%Y-%m-%dT%H:%M:%SZ') AS at FROM review_attachment WHERE id = $1",
      [info.id],
    );
    const stored = { ...info, uploadedAt: at!.at };
    await recordAudit(ws, {
      actor: user.email,
      organisation: user.organisation.code,
      objectType: 'review',
      objectId: reviewId,
      action: 'attach',
      before: null,
      after: stored,
    });
    return stored;
  });
}

/** An attachment's bytes, for a user who can see the review. */
export async function readAttachment(
  ws: Workspace,
  user: User,
  reviewId: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  await readReview(ws, user.organisation, reviewId);
  const row = await ws.one<{ fileName: string; contentType: string; content: string }>(
    `SELECT file_name AS "fileName", content_type AS "contentType", to_base64(content) AS content
       FROM review_attachment WHERE id = $1 AND review_id = $2`,
    [attachmentId, reviewId],
  );
  if (!row) {
    fail('FP_ASSURANCE_ATTACHMENT_NOT_FOUND', `Review ${reviewId} has no attachment ${attachmentId}.`, {
      where: { parameter: 'attachment' },
      received: attachmentId,
    });
  }
  return { fileName: row.fileName, contentType: row.contentType, content: Buffer.from(row.content, 'base64') };
}
