import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  // Overridable so that two builds (e.g. parallel test runs) do not overwrite each other.
  buildDirectory: process.env.CANTIERE_BUILD_DIR ?? 'build',
  ssr: true,
} satisfies Config;
