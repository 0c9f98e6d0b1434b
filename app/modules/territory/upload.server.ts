import { ValidationError } from '../../shared/errors.ts';
import type { FormFields } from '../../shared/http/forms.server.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { readUploadedText } from '../../shared/imports/decode.ts';

/**
 * The file of a territory import form (field `file`), or the reason it cannot be read: none chosen (`choose` says
 * what to choose), larger than `maxMb` megabytes, or in an encoding that cannot be read (see decodeImportText: a
 * Windows-1252 file is converted, and `notice` says so).
 */
export async function uploadedFile(form: FormFields, { maxMb, choose }: { maxMb: number; choose: MessageKey }) {
  const file = form.file;
  if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ path: 'file', message: tr(choose) }], tr('terr.import.noFile'));
  if (file.size > maxMb * 1024 * 1024)
    throw new ValidationError(
      [{ path: 'file', message: tr('terr.import.tooLarge.mb', { mb: maxMb, size: serverFormat().fileSize(file.size) }) }],
      tr('terr.import.tooLarge'),
    );
  const { text, notice } = await readUploadedText(file);
  return { name: file.name, text, notice };
}
