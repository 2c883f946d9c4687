import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

import { workspaceRoot } from '../test-app';

interface ControlReply {
  event: string;
  url?: string;
  running?: boolean;
}

/** A PostgreSQL of the test's own, which it can stop and start underneath a running API. */
export interface OwnPostgres {
  url: string;
  /** A fast shutdown: open sessions are ended, as when an operator stops the server. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnPostgres(name: string, port: number): Promise<OwnPostgres> {
  const child = fork(
    resolve(__dirname, 'postgres-process.mjs'),
    [resolve(workspaceRoot, '.data', name), String(port)],
    {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await nextReply(child, 'ready', 60_000);
  const command = async (name: 'stop' | 'start' | 'close') => {
    child.send({ command: name });
    await nextReply(child, name, 30_000);
  };
  return {
    url: ready.url ?? '',
    stop: () => command('stop'),
    start: () => command('start'),
    close: async () => {
      if (child.connected) {
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.send({ command: 'close' });
        await exited;
      }
    },
  };
}

function nextReply(child: ChildProcess, event: string, timeoutMs: number): Promise<ControlReply> {
  return new Promise((resolveReply, reject) => {
    const timer = setTimeout(() => finish(new Error(`PostgreSQL did not ${event} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (reply: ControlReply) => {
      if (reply.event === event) finish(null, reply);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`The PostgreSQL controller exited (${code}) before '${event}'`));
    const finish = (error: Error | null, reply?: ControlReply) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolveReply(reply as ControlReply);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
