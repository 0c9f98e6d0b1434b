import type { Route } from './+types/regional';
import { workspacePageData, workspaceAction } from '../region.server.ts';
import { Workspace } from '../region.ui.tsx';

export const loader = ({ context, request, params }: Route.LoaderArgs) => workspacePageData(context, request, params.regionCode);
export const action = ({ context, request, params }: Route.ActionArgs) => workspaceAction(context, request, params.regionCode);

export default function RegionalWorkspace({ loaderData, actionData }: Route.ComponentProps) {
  return <Workspace data={loaderData} actionData={actionData} />;
}
