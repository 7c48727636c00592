import type { ComponentType } from 'react';
import type { QuestionType } from '@/lib/quiz';
import { MultipleSelect, SingleChoice } from './Choices';
import { Matching } from './Matching';
import { Ordering } from './Ordering';
import { CommandQuestion, PredictionQuestion } from './Simulation';
import type { QuestionProps } from './types';

/** The one registry of question-type components, keyed like lib/quiz/policy's questionTypes. */
export const questionComponents = {
  single: SingleChoice,
  multiple: MultipleSelect,
  ordering: Ordering,
  matching: Matching,
  command: CommandQuestion,
  prediction: PredictionQuestion,
} satisfies { [T in QuestionType]: ComponentType<QuestionProps<T>> };
