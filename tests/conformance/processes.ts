// The real programs the conformance tests talk to (python3, curl): each runs with a deadline and is killed when
// its test file ends, so a stuck peer fails a test instead of hanging the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Finished is how a process ended, with everything it printed. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** fixture is the absolute path of a file under tests/conformance/fixtures/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Processes starts programs and remembers them until `killAll`, which afterAll must call. */
export class Processes {
  readonly #children = new Set<ChildProcess>();

  /** run runs a program to its end; past `timeoutMs` it is killed and the promise rejects. */
  run(command: string, args: readonly string[], timeoutMs = 15_000): Promise<Finished> {
    const child = this.#spawn(command, args);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Nothing is written to its standard input: closing it lets a program waiting on it go on.
    child.stdin?.end();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${command} ${args.join(' ')} took over ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /**
   * serve starts a long-running program and resolves with the first match of `ready` in its output. Its
   * standard input stays open; a program that exits when it closes dies with the test run whatever happens.
   */
  serve(
    command: string,
    args: readonly string[],
    ready: RegExp,
    timeoutMs = 10_000,
  ): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
    const child = this.#spawn(command, args);
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${command} did not become ready within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${command} exited with ${code} before it was ready\n${stderr}`));
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = ready.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        resolve({ child, match });
      });
    });
  }

  /** killAll kills every process still running. */
  killAll(): void {
    for (const child of this.#children) if (child.exitCode === null) child.kill('SIGKILL');
    this.#children.clear();
  }

  #spawn(command: string, args: readonly string[]): ChildProcess {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#children.add(child);
    child.on('exit', () => this.#children.delete(child));
    return child;
  }
}
