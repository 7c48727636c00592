// YAML as kubectl prints it (sigs.k8s.io/yaml over go-yaml): keys sorted, two-space indent,
// list items at their parent's indent, strings quoted only where YAML would read them as
// something else, multi-line strings as literal blocks.
import type { Json } from './objects';

// go-yaml's analyzeScalar: a leading '-' is an indicator only before a blank ("- x", "-"), so
// "--flag=value" and "-c" print plain, as in kubeadm's manifests.
const plainUnsafe =
  /^$|^[?:,[\]{}#&*!|>'"%@`\s]|^-(?:\s|$)|[\s]$|: |\s#|^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$|^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o?[0-7]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$|^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?$|:$/;

function scalar(value: string | number | boolean | null, indent: string): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (value.includes('\n')) {
    const chomp = value.endsWith('\n') ? '' : '-';
    const body = value.replace(/\n$/, '').split('\n');
    return `|${chomp}\n${body.map((line) => (line ? `${indent}  ${line}` : '')).join('\n')}`;
  }
  if (!plainUnsafe.test(value)) return value;
  return JSON.stringify(value);
}

function isEmptyCollection(value: Json): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

function emit(value: Json, indent: string, lines: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const empty = isEmptyCollection(item);
      if (item !== null && typeof item === 'object' && empty === undefined) {
        const inner: string[] = [];
        emit(item, `${indent}  `, inner);
        lines.push(`${indent}- ${inner[0].slice(indent.length + 2)}`, ...inner.slice(1));
      } else lines.push(`${indent}- ${empty ?? scalar(item as string, indent)}`);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value).sort()) {
      const child = value[key];
      const name = scalar(key, indent);
      const empty = isEmptyCollection(child);
      if (empty !== undefined) lines.push(`${indent}${name}: ${empty}`);
      else if (Array.isArray(child)) {
        lines.push(`${indent}${name}:`);
        emit(child, indent, lines);
      } else if (child !== null && typeof child === 'object') {
        lines.push(`${indent}${name}:`);
        emit(child, `${indent}  `, lines);
      } else lines.push(`${indent}${name}: ${scalar(child, indent)}`);
    }
    return;
  }
  lines.push(`${indent}${scalar(value, indent)}`);
}

export function toYaml(value: Json): string {
  const lines: string[] = [];
  emit(value, '', lines);
  return `${lines.join('\n')}\n`;
}
