// Validates the environment the way the dashboard does at start-up; exit 1 with one line on error.
import { checkConfigOrExit } from '@/lib/config-startup';

checkConfigOrExit();
process.stdout.write('lagboard: configuration is valid\n');
