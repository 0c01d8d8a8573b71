/** zod, as every module here takes it. The page runs under a content security policy with no
 * eval (app/contentSecurityPolicy.ts); zod would try `Function('')` once to see whether it may
 * compile faster parsers, and the refusal is reported as a violation. Configured here, in the
 * module every schema imports, it is told so before any schema is used. */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
