export async function main(argv: readonly string[]): Promise<void> {
  process.stdout.write(`basis ${argv.join(' ')}\n`);
}
