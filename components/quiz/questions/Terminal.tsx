/** Command output as a terminal shows it, labelled with the command that produced it. */
export function Terminal({ command, output, label }: { command: string; output: string; label?: string }) {
  return (
    <figure className="quiz-terminal">
      <figcaption>
        {label ?? 'Output of'} <code>{command}</code>
      </figcaption>
      <pre tabIndex={0}>
        <code>{output || '(no output)'}</code>
      </pre>
    </figure>
  );
}
