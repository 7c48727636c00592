import type { MetadataRoute } from 'next';

export const dynamic = 'force-static';

/** Makes the site installable; with the service worker it then opens offline like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Clusterbook: containers and Kubernetes, from the kernel up',
    short_name: 'Clusterbook',
    description: 'Study notes on containers, namespaces, cgroups and Kubernetes, with labs, quizzes and spaced review that work offline.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#2453c7',
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
