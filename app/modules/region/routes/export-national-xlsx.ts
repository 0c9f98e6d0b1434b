import type { Route } from './+types/export-national-xlsx';
import { exportWorkspace } from '../region.server.ts';

export const loader = ({ context, request }: Route.LoaderArgs) => exportWorkspace(context, request, null, 'xlsx');
