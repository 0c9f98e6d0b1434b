// How large a request body may be, by class of route. server/app.ts counts the bytes as they arrive (whatever the
// request declares: a body sent with `Transfer-Encoding: chunked` has no length) and answers 413 as soon as a body
// passes its class's limit, so that nothing ever buffers more than that.
//
// A page that takes files is listed below with its class; any other request — a form, a sign-in, a JSON call, or a
// multipart body sent to a page that takes no file — is a `form`. A test (body-limits.test.ts) checks that every page
// with a file field is listed, and that every listed page has one.

const MiB = 1024 * 1024;

export const BODY_LIMITS = {
  /** Forms and API calls: text only. The longest text a form takes (a chapter of the plan) is well under this. */
  form: 1 * MiB,
  /** A document attached to a record (a meeting's minutes, a signed agreement, a comune's file): 10 MB and the form. */
  upload: 12 * MiB,
  /** An import: a file up to 15 MB (app/shared/imports/limits.ts), with its optional companion and the form. */
  import: 20 * MiB,
} as const;

export type BodyClass = keyof typeof BODY_LIMITS;

/** The pages that take files, by path pattern (`:name` is one path segment), and what they take. */
export const FILE_ROUTES: readonly { pattern: string; class: Exclude<BodyClass, 'form'> }[] = [
  { pattern: '/ambiti/:code/riunioni/:meetingId', class: 'upload' },
  { pattern: '/ambiti/:code/accordo', class: 'upload' },
  { pattern: '/ambiti/:code/raccolte/:id/comuni/:istat', class: 'upload' },
  { pattern: '/ambiti/:code/risorse/importa', class: 'import' },
  { pattern: '/ambiti/:code/leps/assistenti-sociali', class: 'import' },
  { pattern: '/ambiti/:code/monitoraggio/:planId', class: 'import' },
  { pattern: '/ambiti/:code/monitoraggio/:planId/valutazione', class: 'import' },
  { pattern: '/ambiti/:code/partecipazione/tavoli', class: 'import' },
  { pattern: '/ambiti/:code/partecipazione/bisogni', class: 'import' },
  { pattern: '/ambiti/:code/piani', class: 'import' },
  { pattern: '/ambiti/:code/glossario', class: 'import' },
  { pattern: '/ambiti/:code/servizi', class: 'import' },
  { pattern: '/ambiti/:code/territorio', class: 'import' },
  { pattern: '/servizi/nomenclatore', class: 'import' },
  { pattern: '/amministrazione/territorio', class: 'import' },
];

const compiled = FILE_ROUTES.map((r) => ({
  re: new RegExp(`^${r.pattern.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
  class: r.class,
}));

/** The class of a request: a multipart body sent to a page that takes files is that page's; anything else is a form. */
export function bodyClassOf(pathname: string, contentType: string | undefined): BodyClass {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return 'form';
  return compiled.find((r) => r.re.test(pathname))?.class ?? 'form';
}

/** The largest body accepted for a request. */
export const bodyLimitOf = (pathname: string, contentType: string | undefined) => BODY_LIMITS[bodyClassOf(pathname, contentType)];
