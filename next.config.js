import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  output: 'export',
  // Clean URLs (/chapters/namespaces) are mapped to namespaces.html by the static server.
  trailingSlash: false,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // Files ending .dev.ts (the live-reload endpoint) are routes under `next dev` only, never in the export.
  pageExtensions: phase === PHASE_DEVELOPMENT_SERVER ? ['dev.ts', 'tsx', 'ts'] : ['tsx', 'ts'],
  // Types are checked once by `npm run typecheck` (part of `npm test`), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  // esbuild (inside mdx-bundler) ships a native binary and must stay a plain Node require.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
});

export default nextConfig;
