'use client';

import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What stopped working, in the reader's words: "lab", "quiz", "search". */
  what: string;
  children: ReactNode;
  /** Called before the children are mounted again (e.g. to retry a failed chunk). */
  onRetry?: () => void;
}

/**
 * Keeps one interactive part's failure to itself: a throw while rendering a lab, a quiz or the
 * search palette (or a chunk that failed to load) shows a message and a retry in its place, and
 * the article around it stays readable.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-boundary" role="alert">
        <p>
          <strong>{`The ${this.props.what} stopped working.`}</strong> The rest of the page still works.
        </p>
        <p className="error-boundary-detail">{error.message}</p>
        <button type="button" className="error-boundary-retry" onClick={this.retry}>
          Try again
        </button>
      </div>
    );
  }
}
