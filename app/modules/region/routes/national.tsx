import type { Route } from './+types/national';
import { workspacePageData, workspaceAction } from '../region.server.ts';
import { Workspace } from '../region.ui.tsx';

export const loader = ({ context, request }: Route.LoaderArgs) => workspacePageData(context, request, null);
export const action = ({ context, request }: Route.ActionArgs) => workspaceAction(context, request, null);

export default function NationalWorkspace({ loaderData, actionData }: Route.ComponentProps) {
  return <Workspace data={loaderData} actionData={actionData} />;
}
