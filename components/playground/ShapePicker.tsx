'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { formOf, parsePlaygroundForm, playgroundLimits, setupFromLab, type PlaygroundForm, type PlaygroundLab } from '@/lib/labs';
import type { PlaygroundChoice } from './usePlaygroundChoice';

type Errors = Partial<Record<keyof PlaygroundForm, string>>;

const fieldOrder: (keyof PlaygroundForm)[] = ['from', 'workers', 'cpu', 'memory', 'etcdMembers', 'zones', 'seed'];

/**
 * The cluster's shape and where it starts. Nothing changes until the whole form is valid: each
 * wrong field says what it accepts, and focus goes to the first one.
 */
export function ShapePicker({
  labs,
  current,
  onBuild,
}: {
  labs: readonly PlaygroundLab[];
  current: PlaygroundChoice;
  onBuild: (choice: PlaygroundChoice) => void;
}) {
  const id = useId();
  const [form, setForm] = useState<PlaygroundForm>(() => formOf(current.setup, current.seed));
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const set = (field: keyof PlaygroundForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const pickStart = (from: string) => {
    const lab = labs.find((l) => l.id === from);
    // A lab's set-up expects its own nodes and zones: start from its shape (still editable).
    if (lab) {
      const { setup, seed } = setupFromLab(lab);
      setForm(formOf(setup, seed));
    } else setForm((f) => ({ ...f, from }));
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parsePlaygroundForm(form, labs);
    if ('errors' in result) {
      setErrors(result.errors);
      const first = fieldOrder.find((field) => result.errors[field]);
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    onBuild(result);
  };

  const field = (name: keyof PlaygroundForm) => ({
    id: `${id}${name}`,
    name,
    value: form[name],
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${id}${name}-help${errors[name] ? ` ${id}${name}-error` : ''}`,
  });
  const help = (name: keyof PlaygroundForm, text: string) => (
    <>
      <span id={`${id}${name}-help`} className="playground-help">
        {text}
      </span>
      {errors[name] && (
        <span id={`${id}${name}-error`} className="playground-error">
          {errors[name]}
        </span>
      )}
    </>
  );

  return (
    <form ref={formRef} className="playground-form" onSubmit={submit} noValidate aria-labelledby={`${id}title`}>
      <h2 id={`${id}title`} className="playground-form-title">
        Cluster shape
      </h2>
      <div className="playground-fields">
        <div className="playground-field playground-field-wide">
          <label htmlFor={`${id}from`}>Start from</label>
          <select {...field('from')} onChange={(e) => pickStart(e.target.value)}>
            <option value="blank">A blank cluster</option>
            <optgroup label="The set-up of a chapter lab">
              {labs.map((lab) => (
                <option key={lab.id} value={lab.id}>
                  {lab.title}
                </option>
              ))}
            </optgroup>
          </select>
          {help('from', 'A lab’s files and set-up commands run first, on its own shape.')}
        </div>
        <div className="playground-field">
          <label htmlFor={`${id}workers`}>Workers</label>
          <input
            {...field('workers')}
            type="number"
            inputMode="numeric"
            min={playgroundLimits.workers.min}
            max={playgroundLimits.workers.max}
            onChange={(e) => set('workers')(e.target.value)}
          />
          {help('workers', `${playgroundLimits.workers.min} to ${playgroundLimits.workers.max}`)}
        </div>
        <div className="playground-field">
          <label htmlFor={`${id}cpu`}>CPU per worker</label>
          <input {...field('cpu')} type="text" spellCheck={false} autoComplete="off" onChange={(e) => set('cpu')(e.target.value)} />
          {help('cpu', 'cores: 2, 1.5 or 500m')}
        </div>
        <div className="playground-field">
          <label htmlFor={`${id}memory`}>Memory per worker</label>
          <input {...field('memory')} type="text" spellCheck={false} autoComplete="off" onChange={(e) => set('memory')(e.target.value)} />
          {help('memory', 'such as 8Gi or 512Mi')}
        </div>
        <div className="playground-field">
          <label htmlFor={`${id}etcdMembers`}>etcd members</label>
          <select {...field('etcdMembers')} onChange={(e) => set('etcdMembers')(e.target.value)}>
            {playgroundLimits.etcdMembers.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
          {help('etcdMembers', 'quorum needs a majority')}
        </div>
        <div className="playground-field">
          <label htmlFor={`${id}zones`}>Zones</label>
          <input
            {...field('zones')}
            type="number"
            inputMode="numeric"
            min={1}
            max={playgroundLimits.maxZones}
            placeholder="none"
            onChange={(e) => set('zones')(e.target.value)}
          />
          {help('zones', 'empty for none; workers are spread round-robin')}
        </div>
        <div className="playground-field">
          <label htmlFor={`${id}seed`}>Seed</label>
          <input {...field('seed')} type="text" spellCheck={false} autoComplete="off" onChange={(e) => set('seed')(e.target.value)} />
          {help('seed', 'same seed, same names and timings')}
        </div>
      </div>
      <div className="playground-form-actions">
        <button type="submit" className="lab-button lab-button-primary">
          Build this cluster
        </button>
        <span className="playground-help">Building starts a new session: export or share the current one first to keep it.</span>
      </div>
    </form>
  );
}
