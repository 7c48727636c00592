/**
 * Words that carry no topic: the scaffolding of questions ("what is", "how does") and English
 * function words. They are dropped from queries unless nothing else is left.
 */
export const stopwords: ReadonlySet<string> = new Set(
  `a an the is are was were be been being am do does did doing done how what whats which who whom
  why when where i im me my we our us you your it its this that these those there here of in on
  at to for from by with without about into onto and or but if then than so as can could should
  would will shall may might must vs versus between difference explain mean means meaning tell
  happen happens happening`
    .split(/\s+/)
    .filter(Boolean),
);
