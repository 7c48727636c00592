import { Link } from '@/components/Link';

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          <strong>Clusterbook</strong> runs entirely in your browser: no account, no server, nothing sent anywhere.
        </p>
        <p>
          Kubernetes behaviour described for v1.32 and later with default settings. <Link href="/glossary">Glossary</Link>
        </p>
      </div>
    </footer>
  );
}
