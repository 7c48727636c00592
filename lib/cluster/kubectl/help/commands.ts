// What `kubectl`, `kubectl help CMD` and `kubectl CMD --help` print, as data: one entry per command
// this kubectl supports, in kubectl's groups, with its summary, description, examples, options
// and usage line. The wording is ours; the layout is kubectl's.
import { namespace, allNamespaces, selector, output, dryRun, type CommandHelp } from './options';
import { subcommandHelp } from './subcommands';
import { advancedCommandHelp } from './commands.advanced';

export type { CommandHelp, OptionHelp } from './options';

export const commandGroups = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
] as const;

export const commandHelp: readonly CommandHelp[] = [
  {
    name: 'create',
    group: 'Basic Commands (Beginner)',
    summary: 'Make a new object from command-line arguments',
    description:
      'Create objects from files (kubectl create -f FILE, which fails for objects that exist), or from arguments: deployment NAME --image=IMAGE, namespace NAME, service clusterip|nodeport|loadbalancer NAME --tcp=PORT:TARGET, poddisruptionbudget NAME --selector=... --min-available=N, priorityclass NAME --value=N.',
    examples: [
      ['Create the objects of a file', 'kubectl create -f web.yaml'],
      ['A ClusterIP Service for pods labelled app=web', 'kubectl create service clusterip web --tcp=80:80'],
      ['Create a namespace named dev', 'kubectl create namespace dev'],
      ['Create a Deployment named web that runs nginx', 'kubectl create deployment web --image=nginx:1.27'],
      ['Create one with three replicas', 'kubectl create deployment web --image=nginx:1.27 --replicas=3'],
      [
        'Create one whose busybox container sleeps (the words after -- are its command)',
        'kubectl create deployment sleeper --image=busybox:1.36 -- sleep 3600',
      ],
      ['Print the Deployment without creating it', 'kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml'],
    ],
    options: [
      { flag: 'image', value: '[]', text: 'The container image to run.' },
      { flag: 'replicas', short: 'r', value: '1', text: 'How many pods the Deployment keeps.' },
      { flag: 'port', value: '-1', text: 'The containerPort of the first container (expose then finds it).' },
      dryRun,
      output,
      namespace,
    ],
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  },
  {
    name: 'expose',
    group: 'Basic Commands (Beginner)',
    summary: 'Put a Service in front of a deployment or pod',
    description: 'Create a Service that selects the pods of a Deployment (or the labels of a pod) and forwards a port to them.',
    examples: [
      [
        'Expose the web Deployment on port 80, forwarding to the containers on 8080',
        'kubectl expose deployment web --port=80 --target-port=8080',
      ],
      ['Open the web Deployment on a port of every node (30000-32767)', 'kubectl expose deployment web --port 80 --type NodePort'],
      ['Print the Service without creating it', 'kubectl expose deployment web --port=80 --dry-run=client -o yaml'],
    ],
    options: [
      { flag: 'port', value: "''", text: 'The port the Service listens on.' },
      { flag: 'target-port', value: "''", text: 'The container port traffic goes to; the --port value when unset.' },
      { flag: 'name', value: "''", text: 'The Service name; the exposed object name when unset.' },
      { flag: 'type', value: "''", text: 'ClusterIP (the default), NodePort or LoadBalancer.' },
      { flag: 'cluster-ip', value: "''", text: 'None makes a headless Service (no virtual IP); otherwise one is allocated.' },
      dryRun,
      output,
      namespace,
    ],
    usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--target-port=number-or-name] [--name=name] [--type=type] [options]',
  },
  {
    name: 'run',
    group: 'Basic Commands (Beginner)',
    summary: 'Start one pod from an image',
    description: 'Create a single pod that runs the given image. The pod has no controller: nothing recreates it if it goes away.',
    examples: [
      [
        'Start a busybox pod that sleeps for an hour (busybox alone runs sh, which exits at once)',
        'kubectl run solo --image=busybox:1.36 -- sleep 3600',
      ],
      ['Run a command once and keep the pod after it ends', 'kubectl run once --image=busybox:1.36 --restart=Never -- sh -c "echo hello"'],
      ['Start a pod with labels (instead of run=solo)', 'kubectl run solo --image=nginx:1.27 --labels=app=solo,tier=web'],
      ['Start nginx and a ClusterIP Service in front of it', 'kubectl run web --image=nginx:1.27 --port=80 --expose'],
      ['Print the pod without creating it', 'kubectl run solo --image=nginx:1.27 --dry-run=client -o yaml'],
    ],
    options: [
      { flag: 'image', value: "''", text: 'The container image to run.' },
      { flag: 'expose', value: 'false', text: 'Also create a ClusterIP Service of --port, named after the pod and selecting it.' },
      { flag: 'image-pull-policy', value: "''", text: 'Always, IfNotPresent or Never; empty leaves it to the API server.' },
      { flag: 'labels', short: 'l', value: "''", text: 'Comma-separated labels for the pod, in place of run=NAME.' },
      { flag: 'port', value: "''", text: 'The port the container listens on (its containerPort).' },
      { flag: 'restart', value: "'Always'", text: 'The restart policy: Always, OnFailure or Never.' },
      {
        flag: 'command',
        value: 'false',
        text: 'The words after -- are the command (replacing the image entrypoint) rather than its args.',
      },
      dryRun,
      output,
      namespace,
    ],
    usage:
      'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  },
  {
    name: 'set',
    group: 'Basic Commands (Beginner)',
    summary: 'Change a field of existing objects',
    description:
      'Change one field of existing objects without editing their manifests.\n\nAvailable Commands:\n  env           Change the environment variables of a Deployment’s containers (starts a rollout)\n  image         Change the image of a container in a Deployment (starts a rollout)\n  resources     Change the requests and limits of a Deployment’s containers (starts a rollout)',
    examples: [['Move the nginx container of web to a new image', 'kubectl set image deployment/web nginx=nginx:1.28']],
    options: [],
    usage: 'kubectl set SUBCOMMAND [options]',
  },
  {
    name: 'explain',
    group: 'Basic Commands (Intermediate)',
    summary: 'Describe the fields of a resource',
    description: 'Print what a resource kind is for and the fields it has. Name a field with dots to see that field and the ones below it.',
    examples: [
      ['What a pod is and its top-level fields', 'kubectl explain pods'],
      ['One field of the pod spec', 'kubectl explain pods.spec.containers'],
    ],
    options: [{ flag: 'recursive', value: 'false', text: 'Print every field below, without descriptions.' }],
    usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [options]',
  },
  {
    name: 'get',
    group: 'Basic Commands (Intermediate)',
    summary: 'List objects, or show some of them',
    description:
      'Print the objects of one or more types as a table, or in another format with -o. Name objects to see only those, or use a label or field selector.',
    examples: [
      ['List the pods of the default namespace', 'kubectl get pods'],
      ['List pods with their node and IP', 'kubectl get pods -o wide'],
      ['Print one node as YAML', 'kubectl get node worker-1 -o yaml'],
      ['Print only pod names and their nodes', 'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName'],
      ['Print every pod name', "kubectl get pods -o jsonpath='{.items[*].metadata.name}'"],
      ['List several types at once', 'kubectl get deployments,replicasets,pods'],
      ['List the usual workload objects', 'kubectl get all'],
      ['Show the ready pod addresses behind a Service', 'kubectl get endpoints web'],
      ['Show every endpoint of a Service, ready or not', 'kubectl get endpointslices -l kubernetes.io/service-name=web'],
    ],
    options: [
      allNamespaces,
      {
        flag: 'field-selector',
        value: "''",
        text: 'Only objects whose fields match, e.g. spec.nodeName=worker-1 or status.phase=Running.',
      },
      namespace,
      output,
      { flag: 'raw', value: "''", text: 'Read a raw API server path, such as /readyz?verbose, /livez or /healthz.' },
      selector,
      { flag: 'show-labels', value: 'false', text: 'Add a LABELS column.' },
      { flag: 'no-headers', value: 'false', text: 'Leave out the header line of tables (and of custom-columns).' },
      { flag: 'sort-by', value: "''", text: 'Order the rows by a field path, e.g. --sort-by=.metadata.creationTimestamp.' },
      {
        flag: 'watch',
        short: 'w',
        value: 'false',
        text: 'After listing, print a row each time a listed object changes, while simulated time passes; the simulator presses Ctrl+C after 5 simulated minutes.',
      },
      { flag: 'watch-only', value: 'false', text: 'Watch for changes without listing first.' },
      { flag: 'output-watch-events', value: 'false', text: 'Add an EVENT column: ADDED, MODIFIED or DELETED.' },
      { flag: 'request-timeout', value: "'0'", text: 'End the watch quietly after this long (e.g. 30s); 0 means no end.' },
    ],
    usage:
      'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  },
  {
    name: 'delete',
    group: 'Basic Commands (Intermediate)',
    summary: 'Remove objects by type and name or by label',
    description:
      'Delete objects. Pods get their grace period to stop; --force with --grace-period=0 removes the pod object at once without waiting for the kubelet.',
    examples: [
      ['Delete a pod', 'kubectl delete pod solo'],
      ['Delete the pods of a Deployment by label', 'kubectl delete pods -l app=web'],
      ['Remove a pod object without waiting for its node', 'kubectl delete pod solo --force --grace-period=0'],
    ],
    options: [
      { flag: 'all', value: 'false', text: 'Delete every object of the type in the namespace.' },
      { flag: 'all-namespaces', short: 'A', value: 'false', text: 'With --all or -l, look in every namespace.' },
      { flag: 'field-selector', value: "''", text: 'Select objects by field, like status.phase=Running.' },
      { flag: 'force', value: 'false', text: 'With --grace-period=0, remove the object immediately.' },
      { flag: 'grace-period', value: '-1', text: 'Seconds the pod gets to stop; -1 keeps the pod’s own value.' },
      namespace,
      selector,
      { flag: 'timeout', value: '0s', text: 'How long to wait for the objects to be gone; 0 means up to a week.' },
      { flag: 'wait', value: 'true', text: 'Wait until the objects are gone before returning.' },
    ],
    usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  },
  {
    name: 'rollout',
    group: 'Deploy Commands',
    summary: 'Watch, pause, undo and restart the rollouts of Deployments',
    description:
      'Manage the rollout of a Deployment: watch it finish, list its revisions, go back to an earlier one, restart its pods, or pause it while you change several things.\n\nAvailable Commands:\n  history       List the revisions of a rollout\n  pause         Stop a Deployment from rolling out template changes\n  restart       Replace every pod of a Deployment, a few at a time\n  resume        Let a paused Deployment roll out again\n  status        Wait for a rollout to finish and report its progress\n  undo          Go back to an earlier revision',
    examples: [
      ['Wait for the rollout of web to finish', 'kubectl rollout status deployment/web'],
      ['Go back to the previous revision', 'kubectl rollout undo deployment/web'],
    ],
    options: [],
    usage: 'kubectl rollout SUBCOMMAND [options]',
  },
  {
    name: 'scale',
    group: 'Deploy Commands',
    summary: 'Change how many replicas a workload keeps',
    description: 'Set spec.replicas of a Deployment, ReplicaSet or StatefulSet; its controller then adds or removes pods.',
    examples: [
      ['Run five replicas of web', 'kubectl scale deployment web --replicas=5'],
      ['The same, in TYPE/NAME form', 'kubectl scale deployment/web --replicas=5'],
    ],
    options: [
      { flag: 'all', value: 'false', text: 'Scale every object of the type in the namespace.' },
      { flag: 'replicas', value: '0', text: 'The new number of replicas.' },
      namespace,
      selector,
    ],
    usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  },
  {
    name: 'cluster-info',
    group: 'Cluster Management Commands',
    summary: 'Show where the control plane and cluster services run',
    description:
      'Print the API server address and the addresses of the services labelled kubernetes.io/cluster-service=true. cluster-info dump prints the nodes, the workloads, services, events and pods of kube-system and the current namespace as JSON, and every container log.',
    examples: [
      ['Show the control plane address', 'kubectl cluster-info'],
      ['Dump the state of kube-system and default, with logs', 'kubectl cluster-info dump'],
      ['Keep only what mentions a pod', 'kubectl cluster-info dump | grep web'],
    ],
    options: [],
    usage: 'kubectl cluster-info [flags] [options]',
  },
  {
    name: 'cordon',
    group: 'Cluster Management Commands',
    summary: 'Stop new pods landing on a node',
    description: 'Mark a node unschedulable. Pods already there keep running.',
    examples: [['Cordon worker-1', 'kubectl cordon worker-1']],
    options: [selector],
    usage: 'kubectl cordon NODE [options]',
  },
  {
    name: 'uncordon',
    group: 'Cluster Management Commands',
    summary: 'Let the scheduler use a node again',
    description: 'Mark a node schedulable again.',
    examples: [['Uncordon worker-1', 'kubectl uncordon worker-1']],
    options: [selector],
    usage: 'kubectl uncordon NODE [options]',
  },
  {
    name: 'drain',
    group: 'Cluster Management Commands',
    summary: 'Empty a node before maintenance',
    description:
      'Cordon the node, then evict its pods through the Eviction API, which honours PodDisruptionBudgets. DaemonSet pods, pods without a controller and pods with emptyDir data need the matching flag.',
    examples: [
      ['Drain worker-1, leaving DaemonSet pods alone', 'kubectl drain worker-1 --ignore-daemonsets'],
      ['Also evict pods with emptyDir volumes', 'kubectl drain worker-1 --ignore-daemonsets --delete-emptydir-data'],
    ],
    options: [
      { flag: 'delete-emptydir-data', value: 'false', text: 'Evict pods that use emptyDir volumes; their data is lost.' },
      { flag: 'force', value: 'false', text: 'Also delete pods that no controller manages.' },
      { flag: 'grace-period', value: '-1', text: 'Seconds each pod gets to stop; -1 keeps the pod’s own value.' },
      { flag: 'ignore-daemonsets', value: 'false', text: 'Skip DaemonSet pods (their controller would put them straight back).' },
      { flag: 'timeout', value: '0s', text: 'Give up after this long; 0 waits for ever.' },
    ],
    usage: 'kubectl drain NODE [options]',
  },
  {
    name: 'taint',
    group: 'Cluster Management Commands',
    summary: 'Add or remove taints on nodes',
    description:
      'Set a taint KEY[=VALUE]:EFFECT on a node, or remove one with a trailing dash. Effects are NoSchedule, PreferNoSchedule and NoExecute.',
    examples: [
      ['Keep pods without a toleration off worker-1', 'kubectl taint nodes worker-1 dedicated=gpu:NoSchedule'],
      ['Remove that taint', 'kubectl taint nodes worker-1 dedicated=gpu:NoSchedule-'],
    ],
    options: [
      { flag: 'all', value: 'false', text: 'Taint every node.' },
      { flag: 'overwrite', value: 'false', text: 'Replace a taint with the same key and effect.' },
      selector,
    ],
    usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  },
  {
    name: 'describe',
    group: 'Troubleshooting and Debugging Commands',
    summary: 'Show an object in detail, with its events',
    description: 'Print a readable report of objects: their fields, related objects and recent events.',
    examples: [
      ['Describe a node', 'kubectl describe node worker-1'],
      ['Describe the pods of a Deployment', 'kubectl describe pods -l app=web'],
      ['Describe a Service, with the ready endpoints it sends traffic to', 'kubectl describe svc web'],
    ],
    options: [allNamespaces, namespace, selector],
    usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  },
  {
    name: 'events',
    group: 'Troubleshooting and Debugging Commands',
    summary: 'List events in time order',
    description:
      'List the events of a namespace sorted by when they last happened (kubectl get events lists them by object). A repeated event shows how often and over how long.',
    examples: [
      ['The events of the default namespace', 'kubectl events'],
      ['Only warnings, in every namespace', 'kubectl events --types=Warning -A'],
      ['The events about one pod', 'kubectl events --for pod/web-5dd8979cc6-2sv98'],
      ['Print events as they happen, for a simulated minute', 'kubectl events --watch --request-timeout=1m'],
    ],
    options: [
      allNamespaces,
      { flag: 'for', value: "''", text: 'Only the events about this object, as TYPE/NAME.' },
      namespace,
      { flag: 'no-headers', value: 'false', text: 'Leave out the header line.' },
      { flag: 'types', value: '[]', text: 'Only these types: Normal, Warning (comma-separated).' },
      {
        flag: 'watch',
        short: 'w',
        value: 'false',
        text: 'Print the events, then each new one while simulated time passes; the simulator presses Ctrl+C after 5 simulated minutes.',
      },
    ],
    usage: 'kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [options]',
  },
  {
    name: 'exec',
    group: 'Troubleshooting and Debugging Commands',
    summary: 'Run a command in a running container',
    description:
      'Run one command in a container of a running pod (the first container unless -c names one). Containers here run no real processes: the simulator answers cat of the container’s cgroup files (/sys/fs/cgroup is its own cgroup), /etc/hostname, /etc/resolv.conf and /proc/1/cgroup, hostname, echo, date, whoami, pwd, env and printenv, nslookup (cluster DNS), and sh -c lines of those with pipes. There is no interactive shell.',
    examples: [
      ['Read the memory and CPU limits a container runs under', 'kubectl exec api -- cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max'],
      ['The environment a container gets', 'kubectl exec api -c app -- env'],
    ],
    options: [
      { flag: 'container', short: 'c', value: "''", text: 'The container to run the command in.' },
      { flag: 'stdin', short: 'i', value: 'false', text: 'Pass stdin to the container (no interactive shells here).' },
      { flag: 'tty', short: 't', value: 'false', text: 'Stdin is a TTY.' },
      namespace,
    ],
    usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  },
  {
    name: 'logs',
    group: 'Troubleshooting and Debugging Commands',
    summary: 'Print what a container wrote',
    description: 'Print the log of a container in a pod. Name the container with -c when the pod has more than one.',
    examples: [
      ['The log of the pod’s container', 'kubectl logs web-5dd8979cc6-2sv98'],
      ['The last five lines', 'kubectl logs web-5dd8979cc6-2sv98 --tail=5'],
      ['The log of the container before its last restart', 'kubectl logs web-5dd8979cc6-2sv98 --previous'],
      ['The last lines of every pod labelled app=web, each line naming its pod', 'kubectl logs -l app=web --prefix'],
    ],
    options: [
      { flag: 'container', short: 'c', value: "''", text: 'The container to read.' },
      namespace,
      { flag: 'prefix', value: 'false', text: 'Start each line with the pod and container it came from.' },
      { flag: 'previous', short: 'p', value: 'false', text: 'Read the previous instance of the container, from before its last restart.' },
      { flag: 'selector', short: 'l', value: "''", text: 'Read the pods with these labels (then --tail defaults to 10).' },
      { flag: 'tail', value: '-1', text: 'Only the last N lines; -1 prints everything (10 per pod with a selector).' },
      { flag: 'timestamps', value: 'false', text: 'Start each line with its time.' },
    ],
    usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  },
  ...advancedCommandHelp,
];

export const commandHelpByName = new Map([...commandHelp, ...subcommandHelp].map((entry) => [entry.name, entry]));
