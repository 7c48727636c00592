/**
 * Words that carry no topic: the scaffolding of questions ("what is", "how does", "why do I
 * need") and English function words. They are dropped from queries unless nothing else is left.
 * Negations stay ("cannot", "not", "no"): pasted errors turn on them.
 */
export const stopwords: ReadonlySet<string> = new Set(
  `a about after again all also am an and any are as at be been before being both but by can
  could did difference do does doing done each explain for from get gets getting got had
  has have having he her here hers him his how i if im in into is it its itself just may me mean
  meaning means might more most much must my need needs nor of off on once one only onto or
  other our ours out over own same shall she should so some such tell than that thats the their
  them then there these they this those through to too under until up us use used using very vs
  versus was we were what whats when where which while who whom why will with without would
  you your yours happen happens happening find finds see`
    .split(/\s+/)
    .filter(Boolean),
);
