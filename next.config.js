/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // Clean URLs (/chapters/namespaces) are mapped to namespaces.html by the static server.
  trailingSlash: false,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // Types are checked once by `npm run typecheck` (part of `npm test`), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  // esbuild (inside mdx-bundler) ships a native binary and must stay a plain Node require.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
};

export default nextConfig;
