// The help entries of the Advanced, Settings and Other commands (patch, wait, apply, label,
// annotate, api-resources, api-versions, config, version); help/commands.ts lists them after the rest.
import { namespace, output, selector, type CommandHelp } from './options';

export const advancedCommandHelp: readonly CommandHelp[] = [
  {
    name: 'auth',
    group: 'Cluster Management Commands',
    summary: 'Ask whether you may do something, or who you are',
    description:
      'kubectl auth can-i VERB RESOURCE asks the API server whether the current user may do it; kubectl auth whoami shows the user and groups. Here the user is kubeadm’s kubernetes-admin, a cluster admin, so the answer is always yes.',
    examples: [
      ['May I create pods?', 'kubectl auth can-i create pods'],
      ['May I read secrets in kube-system?', 'kubectl auth can-i get secrets -n kube-system'],
      ['Who am I?', 'kubectl auth whoami'],
    ],
    options: [namespace, { flag: 'quiet', short: 'q', value: 'false', text: 'Answer only through the exit code.' }],
    usage: 'kubectl auth (can-i VERB RESOURCE [NAME] | whoami) [options]',
  },
  {
    name: 'patch',
    group: 'Advanced Commands',
    summary: 'Change fields of an object with a patch',
    description:
      'Change an object by a patch in JSON or YAML: a strategic merge patch by default (lists such as containers merge by name), a JSON merge patch with --type merge, or a list of JSON patch operations with --type json. Nodes take patches of their labels, annotations, unschedulable and taints.',
    examples: [
      ['Three replicas', `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`],
      [
        'A new image for the container named nginx',
        `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`,
      ],
      ['The same with a JSON patch', `kubectl patch deployment web --type json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`],
      ['Cordon a node by hand', `kubectl patch node worker-1 -p '{"spec":{"unschedulable":true}}'`],
    ],
    options: [
      namespace,
      { flag: 'patch', short: 'p', value: "''", text: 'The patch, as JSON or YAML.' },
      { flag: 'patch-file', value: "''", text: 'A file holding the patch, as JSON or YAML.' },
      { flag: 'selector', short: 'l', value: "''", text: 'Patch the objects with these labels.' },
      { flag: 'type', value: 'strategic', text: 'strategic, merge or json.' },
    ],
    usage: 'kubectl patch (TYPE NAME | TYPE/NAME) [-p PATCH | --patch-file FILE] [options]',
  },
  {
    name: 'wait',
    group: 'Advanced Commands',
    summary: 'Let simulated time pass until objects meet a condition',
    description:
      'Wait for objects to be created, to be deleted, to have a status condition, or to show a value at a JSONPath. Each object gets up to --timeout of simulated time, in turn; each that meets the condition prints "condition met".',
    examples: [
      ['Until every pod labelled app=web is Ready', 'kubectl wait --for=condition=Ready pod -l app=web --timeout=60s'],
      ['Until the Deployment is Available', 'kubectl wait --for=condition=Available deployment/web'],
      ['Until a pod has finished', "kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/once --timeout=2m"],
      ['Until a pod is gone', 'kubectl wait --for=delete pod/web-5dd8979cc6-2sv98'],
      ['Until the objects of a manifest are Available', 'kubectl wait -f web.yaml --for=condition=Available'],
    ],
    options: [
      { flag: 'all', value: 'false', text: 'Every object of the type in the namespace.' },
      { flag: 'filename', short: 'f', value: '[]', text: 'Wait for the objects this manifest file names (repeat for several).' },
      { flag: 'for', value: "''", text: 'create, delete, condition=TYPE[=VALUE] (VALUE defaults to true), or jsonpath={PATH}[=VALUE].' },
      namespace,
      { flag: 'selector', short: 'l', value: "''", text: 'The objects with these labels.' },
      { flag: 'timeout', value: '30s', text: 'How long each object may take; 0 checks once, a negative value waits a week.' },
    ],
    usage:
      'kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath={}[=value]] [options]',
  },
  {
    name: 'apply',
    group: 'Advanced Commands',
    summary: 'Create or update objects from manifest files',
    description:
      'Send the objects in YAML files to the API server, creating the missing ones and merging the file into the others: fields the file sets win, fields the last apply set and the file dropped are removed, fields set elsewhere (kubectl scale, defaults) stay. The file sent is kept in the last-applied-configuration annotation (see view-last-applied).',
    examples: [
      ['Apply the manifests in a file', 'kubectl apply -f web.yaml'],
      ['Show what the last apply sent for a Deployment', 'kubectl apply view-last-applied deployment/web'],
    ],
    options: [{ flag: 'filename', short: 'f', value: '[]', text: 'The manifest file (repeat for several).' }, namespace],
    usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  },
  {
    name: 'diff',
    group: 'Advanced Commands',
    summary: 'Show what kubectl apply -f would change',
    description:
      'Compare each object of the files as the API serves it now (LIVE) with what it would be after kubectl apply -f (MERGED, a dry run: nothing is written), as a unified diff. Exit status 0: nothing would change; 1: something would; 2: an error.',
    examples: [
      ['What applying a file would change', 'kubectl diff -f web.yaml'],
      ['Apply only if something would change', 'kubectl diff -f web.yaml || kubectl apply -f web.yaml'],
    ],
    options: [{ flag: 'filename', short: 'f', value: '[]', text: 'The manifest file (repeat for several).' }, namespace],
    usage: 'kubectl diff -f FILENAME [options]',
  },
  {
    name: 'replace',
    group: 'Advanced Commands',
    summary: 'Replace objects with the ones in manifest files',
    description:
      'Send each object of the files whole: what the file leaves out is gone, nothing is merged. An object must exist, and a resourceVersion in the file must still be the current one. With --force the objects are deleted, and created from the files once they are gone: the way to change fields an update may not (most of a pod).',
    examples: [
      ['Replace a pod with the edited copy of its YAML', 'kubectl get pod web -o yaml > web.yaml; kubectl replace --force -f web.yaml'],
      ['Replace a Deployment with a file', 'kubectl replace -f web.yaml'],
    ],
    options: [
      { flag: 'filename', short: 'f', value: '[]', text: 'The manifest file (repeat for several).' },
      { flag: 'force', value: 'false', text: 'Delete the objects and create them again from the files.' },
      { flag: 'grace-period', value: '-1', text: 'With --force: seconds each object gets to stop (0 becomes 1); -1 keeps its own.' },
      { flag: 'timeout', value: '0s', text: 'With --force: how long to wait for the deletion; 0 means 5 minutes.' },
      namespace,
    ],
    usage: 'kubectl replace -f FILENAME [options]',
  },
  {
    name: 'label',
    group: 'Settings Commands',
    summary: 'Set or remove labels on objects',
    description: 'Add KEY=VALUE labels to objects, or remove a label with KEY-. An existing value changes only with --overwrite.',
    examples: [
      ['Label a node', 'kubectl label nodes worker-1 disktype=ssd'],
      ['Remove that label', 'kubectl label nodes worker-1 disktype-'],
    ],
    options: [
      { flag: 'all', value: 'false', text: 'Label every object of the type.' },
      { flag: 'overwrite', value: 'false', text: 'Replace existing values.' },
      namespace,
      selector,
    ],
    usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  {
    name: 'annotate',
    group: 'Settings Commands',
    summary: 'Set or remove annotations on objects',
    description:
      'Add KEY=VALUE annotations to objects, or remove one with KEY-. Annotations hold notes for people and tools (a change-cause for rollout history), not selectors. An existing value changes only with --overwrite; kubernetes.io/change-cause may always be rewritten.',
    examples: [
      ['Record why the current rollout of web happened', 'kubectl annotate deployment/web kubernetes.io/change-cause="nginx 1.28"'],
      ['Remove that annotation', 'kubectl annotate deployment web kubernetes.io/change-cause-'],
    ],
    options: [
      { flag: 'all', value: 'false', text: 'Annotate every object of the type.' },
      { flag: 'overwrite', value: 'false', text: 'Replace existing values.' },
      namespace,
      selector,
    ],
    usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  {
    name: 'api-resources',
    group: 'Other Commands',
    summary: 'List the resource types the API server serves',
    description: 'Print each resource type with its short names, API version, whether it is namespaced, and its kind.',
    examples: [
      ['Every resource type', 'kubectl api-resources'],
      ['Only the namespaced ones', 'kubectl api-resources --namespaced=true'],
    ],
    options: [
      { flag: 'namespaced', value: 'true', text: 'Only namespaced (true) or only cluster-scoped (false) types.' },
      { flag: 'output', short: 'o', value: "''", text: 'wide, or name for the names alone.' },
    ],
    usage: 'kubectl api-resources [flags] [options]',
  },
  {
    name: 'api-versions',
    group: 'Other Commands',
    summary: 'List the API versions the server serves, as group/version',
    description: 'Print each API group and version the API server serves, one per line; the core group is plain v1.',
    examples: [['Every group/version', 'kubectl api-versions']],
    options: [],
    usage: 'kubectl api-versions [options]',
  },
  {
    name: 'config',
    group: 'Other Commands',
    summary: 'Read and change the kubeconfig: contexts, clusters, users',
    description:
      'Show and edit the kubeconfig kubectl uses (kubeadm’s admin.conf). A context pairs a cluster with a user and may name the namespace every command uses without -n. Subcommands: current-context, get-contexts, get-clusters, get-users, set-context, use-context, rename-context, delete-context, view.',
    examples: [
      ['The context in use', 'kubectl config current-context'],
      ['Every context', 'kubectl config get-contexts'],
      ['Work in the dev namespace from now on', 'kubectl config set-context --current --namespace=dev'],
      ['The namespace in use', "kubectl config view --minify -o jsonpath='{..namespace}'"],
      ['The whole kubeconfig, secrets left out', 'kubectl config view'],
    ],
    options: [],
    usage: 'kubectl config SUBCOMMAND [options]',
  },
  {
    name: 'version',
    group: 'Other Commands',
    summary: 'Show the client and server versions',
    description: 'Print the kubectl version, the Kustomize built into it and the API server version.',
    examples: [['Both versions', 'kubectl version']],
    options: [{ flag: 'client', value: 'false', text: 'Only the client version.' }, output],
    usage: 'kubectl version [flags] [options]',
  },
];
