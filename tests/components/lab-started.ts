// The lab's session starts asynchronously (its page-thread fallback is loaded on demand, as in
// the browser): tests that render a lab wait for its terminal before they use it.
import { screen } from '@testing-library/react';

export const labStarted = () => screen.findByRole('log', { name: 'Terminal output' }, { timeout: 5000 });
