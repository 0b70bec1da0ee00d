export interface HostedServerSettings {
  port: number;
  /** `127.0.0.1` (this computer only) or `0.0.0.0` (the network too). */
  host: string;
  dataDir: string;
  publicUrl: string;
  webClientDir?: string;
}

/**
 * What the runtime itself needs from the app's environment, nothing of the user's: Windows'
 * sockets and crypto fail without SystemRoot.
 */
const runtimeVariables = ['SystemRoot'] as const;

/**
 * The hosted server's whole environment. It inherits nothing else, so an exported DATABASE_URL,
 * RATE_LIMITS=off or NODE_OPTIONS in the user's shell cannot change what it does, and
 * PARLEY_DOTENV=off keeps it from reading a `.env` file.
 */
export function hostedServerEnv(settings: HostedServerSettings, parent: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(settings.port),
    HOST: settings.host,
    DATA_DIR: settings.dataDir,
    PUBLIC_URL: settings.publicUrl,
    LOG_LEVEL: 'info',
    PARLEY_DOTENV: 'off',
    ...(settings.webClientDir ? { WEB_CLIENT_DIR: settings.webClientDir } : {}),
  };
  for (const name of runtimeVariables) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
