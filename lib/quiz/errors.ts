/**
 * Every message the quiz engine shows to authors (build problems) and readers (grading feedback),
 * defined once; tests import these instead of repeating strings.
 */
export const quizErrors = {
  // Authoring problems, reported by the build as `path:line: message`.
  exactlyOneCorrect: (found: number) => `a single-choice question needs exactly one correct option (found ${found})`,
  atLeastOneCorrect: 'a multiple-select question needs at least one correct option',
  atLeastOneWrong: 'a multiple-select question needs at least one wrong option, or nothing is being tested',
  duplicateText: (text: string) => `"${text}" appears twice; every entry must be different`,
  unknownVariable: (name: string) => `{{${name}}} is used but not declared under params`,
  tooManyVariants: (count: number, max: number) => `params allow ${count} variants; keep it to at most ${max}`,
  duplicateQuestionId: (id: string) => `two questions share the id "${id}"; ids must be unique and stable`,
  noSuchChapter: (slug: string) => `quiz for a chapter that does not exist: content/chapters/${slug}.mdx`,
  missingFeedback: (option: string) =>
    `the wrong option "${option}" has no feedback; say in a sentence why a reader might pick it and why it is wrong`,
  tooFewQuestions: (count: number, min: number) => `a chapter quiz needs at least ${min} questions (found ${count})`,

  // Reader-facing grading messages.
  emptyCommand: 'Type a command first.',
  notKubectl: 'Only kubectl commands are graded here: start your answer with "kubectl".',
  oneLineOnly: 'Type a single command on one line.',
  commandFailed: (exitCode: number) => `The command exited with code ${exitCode}.`,
  goalNotReached: 'The command ran, but the cluster is not in the state the question asks for.',
  notSimulated: (verb: string) =>
    `kubectl ${verb} is real kubectl, but the simulated cluster does not support it yet, so this answer is not graded. Reach the same state with another command.`,
  noNumber: 'Type a whole number.',
  noChoice: 'Choose an answer first.',
  matchEveryItem: 'Choose a match for every item.',
  setupFailed: (line: string, stderr: string) => `The question's scenario failed at "${line}": ${stderr}`,
  clusterUnavailable: 'The simulated cluster could not be loaded; check your connection and try again.',
} as const;
