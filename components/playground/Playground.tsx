'use client';

import { useMemo, useState } from 'react';
import {
  blankSetup,
  forgetPlayground,
  memoryCompletions,
  playgroundScenario,
  savePlaygroundChoice,
  savePlaygroundLog,
  shareParam,
  type ImportedScript,
  type PlaygroundLab,
} from '@/lib/labs';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { LabPanel } from '../lab/LabPanel';
import { browserStorage } from '../lab/useLabStart';
import { memoryStorage } from './memoryStorage';
import { ShapePicker } from './ShapePicker';
import { ExportScript, ImportScript } from './ScriptFiles';
import { usePlaygroundChoice, type PlaygroundChoice } from './usePlaygroundChoice';
import './playground.css';

const fallback = memoryStorage();
/** The browser's storage, or memory for this visit when it refuses: an imported script still opens. */
const storage = () => browserStorage() ?? fallback;

/** A link's ?lab= belongs to the session it opened: a new cluster drops it, so a reload keeps the new one. */
function dropLinkFromUrl() {
  const url = new URL(location.href);
  if (!url.searchParams.has(shareParam)) return;
  url.searchParams.delete(shareParam);
  url.hash = '';
  history.replaceState(history.state, '', url);
}

/**
 * /playground: a lab without a scenario. The reader builds a cluster of any shape (or from a
 * chapter lab's set-up) and gets the whole lab: terminal, diagram, timeline, share, plus export
 * and import of the session as a `clusterbook cluster --script` file.
 */
export function Playground({ labs }: { labs: PlaygroundLab[] }) {
  const [choice, setChoice] = usePlaygroundChoice(storage);
  // Bumped for every new cluster, so the panel mounts afresh and reads what it should start from.
  const [generation, setGeneration] = useState(0);
  const current: PlaygroundChoice = choice ?? { setup: blankSetup, seed: 1 };
  const scenario = useMemo(() => playgroundScenario(current.setup, current.seed, labs), [current.setup, current.seed, labs]);

  const build = (next: PlaygroundChoice) => {
    const store = storage();
    forgetPlayground(store);
    savePlaygroundChoice(store, next);
    dropLinkFromUrl();
    setChoice(next);
    setGeneration((g) => g + 1);
  };

  const load = (script: ImportedScript) => {
    const store = storage();
    savePlaygroundLog(store, script);
    savePlaygroundChoice(store, { setup: script.setup, seed: script.seed });
    dropLinkFromUrl();
    setChoice({ setup: script.setup, seed: script.seed });
    setGeneration((g) => g + 1);
  };

  if (choice === undefined)
    return (
      <p className="playground-loading" aria-busy="true">
        Opening the playground...
      </p>
    );
  const key = `${generation}`;
  return (
    <>
      <div className="playground-setup">
        <ShapePicker key={`picker${key}`} labs={labs} current={current} onBuild={build} />
        <ImportScript onImport={load} />
      </div>
      <ErrorBoundary what="playground">
        <LabPanel key={key} scenario={scenario} completions={memoryCompletions} storage={storage} actions={<ExportScript />} />
      </ErrorBoundary>
    </>
  );
}
