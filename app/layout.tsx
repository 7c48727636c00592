import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getSite } from '@/lib/content';
import { Header } from '@/components/layout/Header';
import { Sidebar } from '@/components/layout/Sidebar';
import { SkipLink } from '@/components/layout/SkipLink';
import { Footer } from '@/components/layout/Footer';
import { SearchButton } from '@/components/search/SearchButton';
import { TermTips } from '@/components/mdx-parts/TermTips';
import { DeepLinks } from '@/components/layout/DeepLinks';
import { UpdateNotice } from '@/components/layout/UpdateNotice';
import { ContentReloader } from '@/components/layout/ContentReloader';
import { themeScript } from '@/components/layout/theme-script';
import { siteConfig } from '@/lib/site/config';
import { siteName } from '@/lib/site/metadata';
import './styles/index.css';

const description =
  'Study notes on containers, Linux namespaces, cgroups and Kubernetes architecture, with quizzes and a simulated cluster you can break.';

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig().siteUrl),
  title: { default: 'Clusterbook: containers and Kubernetes, from the kernel up', template: '%s · Clusterbook' },
  description,
  applicationName: siteName,
  openGraph: {
    siteName,
    type: 'website',
    title: 'Clusterbook: containers and Kubernetes, from the kernel up',
    description,
    images: [{ url: '/icons/icon-512.png', width: 512, height: 512, alt: 'Clusterbook' }],
  },
  twitter: { card: 'summary' },
  icons: {
    icon: [{ url: '/icons/icon.svg', type: 'image/svg+xml' }],
    apple: [{ url: '/icons/apple-touch-icon.png', sizes: '180x180' }],
  },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0d1117' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const site = await getSite();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A build-time constant: sets the theme before first paint so it never flashes. */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <SkipLink />
        <Header nav={<Sidebar parts={site.parts} label="Menu chapters" />} tools={<SearchButton />} />
        {children}
        <Footer />
        <TermTips />
        <DeepLinks />
        <UpdateNotice />
        {process.env.NODE_ENV === 'development' && <ContentReloader />}
      </body>
    </html>
  );
}
