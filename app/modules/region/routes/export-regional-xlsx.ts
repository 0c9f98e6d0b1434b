import type { Route } from './+types/export-regional-xlsx';
import { exportWorkspace } from '../region.server.ts';

export const loader = ({ context, request, params }: Route.LoaderArgs) => exportWorkspace(context, request, params.regionCode, 'xlsx');
