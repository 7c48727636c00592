// The shapes of kubectl's help entries, and the options several commands share.

export interface OptionHelp {
  flag: string;
  short?: string;
  /** The default as kubectl shows it after `=`: false, '', 0, []. */
  value: string;
  text: string;
}

export interface CommandHelp {
  name: string;
  group: string;
  summary: string;
  description: string;
  examples: [comment: string, command: string][];
  options: OptionHelp[];
  usage: string;
}

export const namespace: OptionHelp = {
  flag: 'namespace',
  short: 'n',
  value: "''",
  text: 'The namespace to work in; without it, the default namespace.',
};
export const allNamespaces: OptionHelp = {
  flag: 'all-namespaces',
  short: 'A',
  value: 'false',
  text: 'Work across every namespace; the --namespace flag is then ignored.',
};
export const selector: OptionHelp = {
  flag: 'selector',
  short: 'l',
  value: "''",
  text: "Only objects whose labels match this selector, e.g. -l app=web or -l 'tier in (front,back)'.",
};
export const output: OptionHelp = {
  flag: 'output',
  short: 'o',
  value: "''",
  text: 'How to print: wide, name, yaml, json, jsonpath=TEMPLATE or custom-columns=HEADER:PATH,...',
};
export const dryRun: OptionHelp = {
  flag: 'dry-run',
  value: "'none'",
  text: 'With "client", print the object that would be sent (use with -o yaml) and change nothing.',
};
