'use client';

import { progressPolicy } from '@/lib/progress';
import type { Progress } from '@/lib/progress';
import { calendar, forecast, mastery, retention, streak } from '@/lib/progress';
import type { Deck } from './reviewDeck';

const percent = (r: number) => `${Math.round(r * 100)}%`;
const weekday = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { weekday: 'short' });
const dateLabel = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** Bars of cards due on each of the next days. */
function Forecast({ days }: { days: { day: string; due: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.due));
  const week = days.reduce((n, d) => n + d.due, 0);
  const text = `Due today: ${days[0]?.due ?? 0}. Due this week: ${week}. ${days.map((d, i) => `${i === 0 ? 'Today' : weekday(d.day)} ${d.due}`).join(', ')}.`;
  const w = 36;
  return (
    <figure className="review-figure">
      <figcaption>
        <strong>{days[0]?.due ?? 0}</strong> due today, <strong>{week}</strong> this week
      </figcaption>
      <svg viewBox={`0 0 ${days.length * w} 90`} role="img" aria-label={text} className="review-chart">
        {days.map((d, i) => {
          const h = (d.due / max) * 60;
          return (
            <g key={d.day}>
              <rect x={i * w + 6} y={70 - h} width={w - 12} height={Math.max(h, 1)} rx="3" className={i === 0 ? 'bar-today' : 'bar'} />
              <text x={i * w + w / 2} y={84} textAnchor="middle" className="chart-label">
                {i === 0 ? 'today' : weekday(d.day)}
              </text>
              {d.due > 0 && (
                <text x={i * w + w / 2} y={66 - h} textAnchor="middle" className="chart-value">
                  {d.due}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** One bar per chapter: the expected share of its questions recalled today. */
function Mastery({ rows }: { rows: { title: string; ratio: number; answered: number; total: number }[] }) {
  return (
    <figure className="review-figure review-mastery">
      <figcaption>Mastery by chapter: the share of its questions you would likely get right today</figcaption>
      <ul>
        {rows.map((row) => (
          <li key={row.title}>
            <span className="mastery-title">{row.title}</span>
            <svg
              viewBox="0 0 100 10"
              role="img"
              aria-label={`${row.title}: ${percent(row.ratio)}, ${row.answered} of ${row.total} questions answered`}
              preserveAspectRatio="none"
              className="mastery-bar"
            >
              <rect x="0" y="0" width="100" height="10" rx="2" className="bar-track" />
              <rect x="0" y="0" width={Math.max(row.ratio * 100, 0)} height="10" rx="2" className="bar" />
            </svg>
            <span className="mastery-value" aria-hidden="true">
              {percent(row.ratio)}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A grid of the last weeks, one square per day, darker for more answers. */
function Calendar({ days, streakDays }: { days: { day: string; answered: number }[]; streakDays: number }) {
  const studied = days.filter((d) => d.answered > 0);
  const max = Math.max(1, ...days.map((d) => d.answered));
  const cell = 13;
  const firstWeekday = new Date(`${days[0]?.day}T12:00:00`).getDay();
  const text = studied.length
    ? `Studied on ${studied.length} of the last ${days.length} days: ${studied.map((d) => `${dateLabel(d.day)} (${d.answered} answers)`).join(', ')}.`
    : `No study recorded in the last ${days.length} days.`;
  const weeks = Math.ceil((days.length + firstWeekday) / 7);
  return (
    <figure className="review-figure">
      <figcaption>
        Studied on <strong>{studied.length}</strong> of the last {days.length} days
        {streakDays > 1 && `, ${streakDays} days in a row`}
      </figcaption>
      <svg viewBox={`0 0 ${weeks * cell} ${7 * cell}`} role="img" aria-label={text} className="review-calendar">
        {days.map((d, i) => {
          const slot = i + firstWeekday;
          const level = d.answered === 0 ? 0 : Math.ceil((d.answered / max) * 4);
          return (
            <rect
              key={d.day}
              x={Math.floor(slot / 7) * cell + 1}
              y={(slot % 7) * cell + 1}
              width={cell - 2}
              height={cell - 2}
              rx="2"
              className={`day day-${level}`}
            >
              <title>{`${dateLabel(d.day)}: ${d.answered} answers`}</title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}

/** What you know: due forecast, retention so far, mastery per chapter, days studied. */
export function ReviewStats({ progress, deck, now }: { progress: Progress; deck: Deck; now: number }) {
  const kept = retention(progress);
  const titles = new Map(deck.flatMap((p) => p.chapters.map((c) => [c.slug, c.title])));
  const chapters = deck.flatMap((p) => p.chapters.map((c) => ({ slug: c.slug, questionIds: c.questions.map((q) => q.id) })));
  const rows = mastery(progress, chapters, now)
    .filter((r) => r.answered > 0)
    .map((r) => ({ ...r, title: titles.get(r.slug) ?? r.slug }));
  return (
    <section className="review-stats" aria-labelledby="review-stats-title">
      <h2 id="review-stats-title">What you know</h2>
      <div className="review-stats-grid">
        <Forecast days={forecast(progress, now, progressPolicy.forecastDays)} />
        <figure className="review-figure">
          <figcaption>Retention so far</figcaption>
          <p className="review-big">
            {kept.ratio === undefined ? '–' : percent(kept.ratio)}
            <span className="quiz-hint">
              {kept.reviews === 0
                ? ' No review answers yet: retention counts cards answered again after their learning steps.'
                : ` of ${kept.reviews} review answers recalled (the scheduler aims for ${percent(progressPolicy.fsrs.request_retention)})`}
            </span>
          </p>
        </figure>
        <Calendar days={calendar(progress, now, progressPolicy.calendarDays)} streakDays={streak(progress, now)} />
      </div>
      {rows.length > 0 ? <Mastery rows={rows} /> : <p className="quiz-hint">Mastery by chapter appears once you have answered a quiz.</p>}
    </section>
  );
}
