import type { Route } from './+types/export-regional-csv';
import { exportWorkspace } from '../region.server.ts';

export const loader = ({ context, request, params }: Route.LoaderArgs) => exportWorkspace(context, request, params.regionCode, 'csv');
