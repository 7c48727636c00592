import type { EventWhy } from '@/lib/labs';
import './event-whys.css';

/**
 * "Why?" for events, under a timeline entry or under the output of `kubectl get events` or
 * `kubectl describe`: the component, the rule, this event's own causes (the taint and its clock,
 * the node's state), the timing, the facts, and where the chapter teaches it.
 */
export function EventWhys({ whys, className, summary = 'Why?' }: { whys: readonly EventWhy[]; className: string; summary?: string }) {
  return (
    <details className={`lab-why-details ${className}`}>
      <summary>{summary}</summary>
      {whys.map((why) => (
        <div key={why.reason} className="lab-why">
          <p>
            <strong>{why.reason}</strong>, by <span className="lab-why-by">{why.by}</span>: {why.rule}
          </p>
          <p className="lab-why-message">
            <code>{why.message}</code>
          </p>
          {why.inputs.length > 0 && (
            <ul className="lab-why-inputs" aria-label="What caused it">
              {why.inputs.map((input) => (
                <li key={input}>{input}</li>
              ))}
            </ul>
          )}
          <p className="lab-why-when">
            {why.when}
            {why.facts.length > 0 &&
              ` Behaviour ${why.facts.length === 1 ? 'fact' : 'facts'} ${why.facts.join(', ')} in docs/kubernetes-behaviour.md.`}
          </p>
          {why.section && (
            <p>
              <a href={`/chapters/${why.section}`}>Read about it in the chapter</a>
            </p>
          )}
        </div>
      ))}
    </details>
  );
}
