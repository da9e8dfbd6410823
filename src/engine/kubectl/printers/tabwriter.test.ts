import { expect, it } from 'vitest';
import { tabwrite } from './tabwriter';
it('tw', () => {
  const s = tabwrite(
    'Name:\tnginx\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nEvents:\n  Type\tReason\tAge\n  ----\t------\t---\n  Normal\tScheduled\t5s\n',
  );
  expect(s).toBe(
    'Name:             nginx\nService Account:  default\nIPs:\n  IP:  10.0.0.1\nEvents:\n  Type    Reason     Age\n  ----    ------     ---\n  Normal  Scheduled  5s\n',
  );
});
