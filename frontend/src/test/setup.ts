import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy* waits up to 1 s by default; on a busy 2-core machine (make test
// runs vitest right after the fuzz stage, beside other work) a page's first
// render can take longer, which failed ServicePage's test at random.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
