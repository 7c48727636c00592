// -o go-template (row #122): the part of Go's text/template kubectl one-liners use.
import { describe, expect, it } from 'vitest';
import { GoTemplateError, goTemplate } from '@/lib/cluster/kubectl/output/gotemplate';
import type { JsonObject } from '@/lib/cluster/kubectl/output/objects';
import { must, newCluster } from '../fixtures';

const list: JsonObject = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, status: { podIP: '10.244.1.2' } },
    { metadata: { name: 'b', labels: {} }, status: {} },
  ],
};

describe('Go templates (#122)', () => {
  it('#122 prints fields, literals with escapes, and ranges with else and variables', () => {
    expect(goTemplate('{{range .items}}{{.metadata.name}}{{"\\t"}}{{.status.podIP}}{{"\\n"}}{{end}}', list)).toBe(
      'a\t10.244.1.2\nb\t<no value>\n',
    );
    expect(goTemplate('{{range $i, $p := .items}}{{$i}}:{{$p.metadata.name}} {{end}}', list)).toBe('0:a 1:b ');
    expect(goTemplate('{{range .nothing}}x{{else}}empty{{end}}', { nothing: [] })).toBe('empty');
    expect(goTemplate('{{range .items}}{{if .status.podIP}}{{.metadata.name}}{{else}}-{{end}}{{end}}', list)).toBe('a-');
    expect(goTemplate('{{index .items 0 "metadata" "labels" "app"}} {{len .items}} {{$.kind}}', list)).toBe('web 2 List');
  });

  it('#122 trims around {{- -}}, prints maps and lists as Go does, and names what it cannot do', () => {
    expect(goTemplate('a  {{- "b" -}}  c', {})).toBe('abc');
    expect(goTemplate('{{.m}} {{.l}}', { m: { z: 1, a: 'x' }, l: [1, 'two'] })).toBe('map[a:x z:1] [1 two]');
    expect(() => goTemplate('{{range .items}}', list)).toThrow(GoTemplateError);
    expect(() => goTemplate('{{.kind.x}}', list)).toThrow("can't evaluate field x");
    expect(() => goTemplate('{{printf "%s" .kind}}', list)).toThrow('function "printf" not defined');
  });

  it('#122 kubectl get -o go-template, -o template and --template print each object or the list', () => {
    const cluster = newCluster({ workers: 2 });
    expect(must(cluster, `kubectl get nodes -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`)).toBe(
      'control-plane\nworker-1\nworker-2\n',
    );
    expect(must(cluster, `kubectl get node worker-1 -o template='{{index .metadata.labels "kubernetes.io/hostname"}}'`)).toBe('worker-1\n');
    expect(must(cluster, `kubectl get nodes --template='{{len .items}}'`)).toBe('3\n');
    expect(cluster.exec(`kubectl get nodes -o go-template='{{range .items}}'`)).toMatchObject({
      stderr: 'error: error parsing template {{range .items}}, template: output:1: unexpected EOF\n',
      exitCode: 1,
    });
  });
});
