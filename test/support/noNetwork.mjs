// Preloaded (node --import) into a child process that must work offline: every attempt to reach the network
// is written to stderr as `NETWORK ATTEMPT <where>` and fails, so a test can see that none was made.
import dns from 'node:dns';
import net from 'node:net';

const refuse = (where) => {
  process.stderr.write(`NETWORK ATTEMPT ${where}\n`);
  return new Error(`offline: ${where}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [first] = args;
  const target = typeof first === 'object' && first !== null ? first.path ?? `${first.host ?? 'localhost'}:${first.port}` : String(first);
  // Local IPC (a pipe path) is not the network.
  if (typeof first === 'object' && first?.path) return connect.apply(this, args);
  process.nextTick(() => this.destroy(refuse(`socket ${target}`)));
  return this;
};
const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  const callback = rest.at(-1);
  if (typeof callback === 'function') process.nextTick(() => callback(refuse(`dns ${hostname}`)));
  else return lookup.call(this, hostname, ...rest);
};
globalThis.fetch = async (input) => {
  throw refuse(`fetch ${typeof input === 'string' ? input : input?.url ?? String(input)}`);
};
