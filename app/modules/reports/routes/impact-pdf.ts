import { data } from 'react-router';
import type { Route } from './+types/impact-pdf';
import { requestLocale, tr } from '../../../shared/i18n/tr.server.ts';
import { parseRichText } from '../../../shared/richtext/richtext.ts';
import { renderPdf } from '../document/render-pdf.ts';
import { buildImpactDoc } from '../impact.build.ts';
import { openImpactReport } from '../impact.server.ts';

/**
 * The social-impact report as a tagged, accessible PDF (PDF/A-2a with the PDF/UA identification: headings, tables with
 * their headers, every chart with its alternative text and its data table). The same report as the page: the year of
 * `?anno=`, else the latest published one; a draft only for the members of the Ambito.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { ambito, view } = await openImpactReport(context, request, params.code);
  if (!view) throw data(tr('rep.impact.notFound'), { status: 404 });
  const model = buildImpactDoc(view, { locale: requestLocale(), generatedAt: new Date(), parse: parseRichText });
  const pdf = await renderPdf(model);
  const published = view.report.status === 'published';
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `inline; filename="bilancio-sociale-${ambito.code}-${view.report.year}${published ? '' : '-bozza'}.pdf"`,
      'Cache-Control': published ? 'public, max-age=300' : 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
