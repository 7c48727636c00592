// Help for `kubectl rollout SUB` and `kubectl set image`, reached by name, not listed in `kubectl help`.
import { namespace, type CommandHelp, type OptionHelp } from './options';

const timeout: OptionHelp = {
  flag: 'timeout',
  value: '0s',
  text: 'How long to wait before giving up, like 90s or 5m; 0 waits until the rollout ends.',
};

export const subcommandHelp: readonly CommandHelp[] = [
  {
    name: 'rollout status',
    group: 'rollout',
    summary: 'Show the status of the rollout',
    description:
      'Wait for the latest rollout of a Deployment to finish, printing a line each time its status changes. It fails when the Deployment exceeds its progress deadline (progressDeadlineSeconds, 600 by default). With --watch=false it prints the status once.',
    examples: [
      ['Wait for the rollout of web', 'kubectl rollout status deployment/web'],
      ['Give up after two minutes', 'kubectl rollout status deploy web --timeout=2m'],
      ['Print the status once', 'kubectl rollout status deployment/web --watch=false'],
    ],
    options: [
      namespace,
      { flag: 'revision', value: '0', text: 'Fail unless the running revision is this one (0: the latest).' },
      timeout,
      { flag: 'watch', short: 'w', value: 'true', text: 'Wait until the rollout is done; false prints the status once.' },
    ],
    usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  {
    name: 'rollout history',
    group: 'rollout',
    summary: 'View rollout history',
    description:
      'List the revisions of a Deployment: one per ReplicaSet it kept (revisionHistoryLimit, 10 by default), with the kubernetes.io/change-cause annotation of each.',
    examples: [
      ['The revisions of web', 'kubectl rollout history deployment/web'],
      ['The pod template of revision 2', 'kubectl rollout history deployment/web --revision=2'],
    ],
    options: [namespace, { flag: 'revision', value: '0', text: 'Show the pod template of this revision.' }],
    usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  {
    name: 'rollout undo',
    group: 'rollout',
    summary: 'Undo a previous rollout',
    description:
      'Copy the pod template of an earlier revision back into the Deployment, which rolls out again; that ReplicaSet then gets the newest revision number. Without --to-revision it goes back to the previous one.',
    examples: [
      ['Back to the previous revision', 'kubectl rollout undo deployment/web'],
      ['Back to revision 1', 'kubectl rollout undo deployment/web --to-revision=1'],
    ],
    options: [namespace, { flag: 'to-revision', value: '0', text: 'The revision to go back to (0: the previous one).' }],
    usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  },
  {
    name: 'rollout restart',
    group: 'rollout',
    summary: 'Restart a resource',
    description:
      'Replace every pod of a Deployment by rolling out again: the kubectl.kubernetes.io/restartedAt annotation on the pod template changes, so the template hash changes too.',
    examples: [['Restart the pods of web', 'kubectl rollout restart deployment/web']],
    options: [namespace],
    usage: 'kubectl rollout restart RESOURCE [options]',
  },
  {
    name: 'rollout pause',
    group: 'rollout',
    summary: 'Mark the provided resource as paused',
    description:
      'Pause a Deployment: template changes made while it is paused are not rolled out (scaling still works) until it is resumed.',
    examples: [['Pause web', 'kubectl rollout pause deployment/web']],
    options: [namespace],
    usage: 'kubectl rollout pause RESOURCE [options]',
  },
  {
    name: 'rollout resume',
    group: 'rollout',
    summary: 'Resume a paused resource',
    description: 'Resume a paused Deployment: the changes made while it was paused roll out as one revision.',
    examples: [['Resume web', 'kubectl rollout resume deployment/web']],
    options: [namespace],
    usage: 'kubectl rollout resume RESOURCE [options]',
  },
  {
    name: 'set env',
    group: 'set',
    summary: 'Update environment variables on a pod template',
    description:
      'Add, change or remove environment variables in the containers of a Deployment’s pod template, which starts a rollout. KEY=VALUE sets a variable, KEY- removes it; name the resources first. --list prints the variables instead of changing anything.',
    examples: [
      ['Give web a new variable', 'kubectl set env deployment/web MODE=prod'],
      ['List the variables of web', 'kubectl set env deployment/web --list'],
      ['Remove MODE from the nginx container of web', 'kubectl set env deployment/web -c nginx MODE-'],
    ],
    options: [
      namespace,
      { flag: 'containers', short: 'c', value: "'*'", text: 'The containers to change, by name; wildcards allowed.' },
      { flag: 'env', short: 'e', value: '[]', text: 'A KEY=VALUE pair to set, as an option instead of an argument.' },
      { flag: 'list', value: 'false', text: 'Print the variables (with the changes given) and change nothing.' },
      { flag: 'overwrite', value: 'true', text: 'If false, refuse to change a variable that already has another value.' },
    ],
    usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  },
  {
    name: 'set image',
    group: 'set',
    summary: 'Update the image of a pod template',
    description:
      'Change container images in the pod template of a Deployment, which starts a rollout. Name each container as CONTAINER=IMAGE, or use *=IMAGE for all of them.',
    examples: [
      ['Move the nginx container of web to nginx:1.28', 'kubectl set image deployment/web nginx=nginx:1.28'],
      ['Every container of web to one image', 'kubectl set image deploy web *=busybox:1.36'],
    ],
    options: [
      namespace,
      { flag: 'record', value: 'false', text: 'Deprecated: write the command into the kubernetes.io/change-cause annotation.' },
    ],
    usage:
      'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  },
  {
    name: 'set resources',
    group: 'set',
    summary: 'Update the resource requests and limits of a pod template',
    description:
      'Merge cpu and memory requests and limits into the containers of a Deployment’s pod template, which starts a rollout. A resource with a limit and no request is requested at its limit; a request above its limit is refused.',
    examples: [
      ['Cap the nginx container of web', 'kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi'],
      [
        'Requests and limits for every container',
        'kubectl set resources deployment web --requests=cpu=100m,memory=64Mi --limits=memory=256Mi',
      ],
    ],
    options: [
      namespace,
      { flag: 'containers', short: 'c', value: "'*'", text: 'The containers to change, by name; wildcards allowed.' },
      { flag: 'limits', value: "''", text: 'The limits to set, e.g. cpu=200m,memory=512Mi.' },
      { flag: 'requests', value: "''", text: 'The requests to set, e.g. cpu=100m,memory=256Mi.' },
    ],
    usage: 'kubectl set resources (-f FILENAME | TYPE NAME) ([--limits=LIMITS & --requests=REQUESTS] [options]',
  },
];
