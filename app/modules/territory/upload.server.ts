import { ValidationError } from '../../shared/errors.ts';
import type { FormFields } from '../../shared/http/forms.server.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';

/**
 * The file of a territory import form (field `file`), or the reason it cannot be read: none chosen (`choose` says
 * what to choose) or larger than `maxMb` megabytes.
 */
export async function uploadedFile(form: FormFields, { maxMb, choose }: { maxMb: number; choose: MessageKey }) {
  const file = form.file;
  if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ path: 'file', message: tr(choose) }], tr('terr.import.noFile'));
  if (file.size > maxMb * 1024 * 1024)
    throw new ValidationError(
      [{ path: 'file', message: tr('terr.import.tooLarge.mb', { mb: maxMb, size: serverFormat().fileSize(file.size) }) }],
      tr('terr.import.tooLarge'),
    );
  return { name: file.name, text: await file.text() };
}
