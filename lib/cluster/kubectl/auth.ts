// kubectl auth can-i and whoami (kubectl/pkg/cmd/auth). The terminal's kubeconfig is kubeadm's
// admin.conf: user kubernetes-admin in group kubeadm:cluster-admins, bound to cluster-admin, so
// every request is allowed. The model has no RBAC objects to ask about another user.
import { kubectlErrors } from '../api/errors';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { resolveResource, unmodelledPlural } from './resources';
import { fail, ok, type CommandResult } from './result';
import { formatTable } from './table';

function canI(args: string[]): CommandResult {
  const parsed = parseArgs(args, [...namespaceFlags, { name: 'quiet', short: 'q', type: 'bool' }]);
  if ('error' in parsed) return fail(parsed.error);
  const [verb, resource] = parsed.positional;
  if (!verb || !resource) return fail(kubectlErrors.canIUsage());
  const typeName = resource.split('/')[0];
  // SelfSubjectAccessReview answers for any resource; kubectl warns when discovery does not know
  // it, except for the wildcard "*" (every resource).
  const known = typeName === '*' || resolveResource(typeName) || unmodelledPlural(typeName);
  const warning = known ? '' : kubectlErrors.canIUnknownResource(typeName);
  return parsed.flags.quiet ? ok('', warning) : ok('yes\n', warning);
}

export function kubectlAuth(_env: KubectlEnv, args: string[]): CommandResult {
  const [subcommand, ...rest] = args;
  if (subcommand === 'can-i') return canI(rest);
  if (subcommand === 'whoami') {
    if (rest.length > 0) return fail(kubectlErrors.unexpectedArgs(rest));
    return ok(
      formatTable(
        ['ATTRIBUTE', 'VALUE'],
        [
          ['Username', 'kubernetes-admin'],
          ['Groups', '[kubeadm:cluster-admins system:authenticated]'],
        ],
      ),
    );
  }
  return fail(subcommand ? kubectlErrors.unknownAuthSubcommand(subcommand) : kubectlErrors.authUsage());
}
