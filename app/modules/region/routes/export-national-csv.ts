import type { Route } from './+types/export-national-csv';
import { exportWorkspace } from '../region.server.ts';

export const loader = ({ context, request }: Route.LoaderArgs) => exportWorkspace(context, request, null, 'csv');
