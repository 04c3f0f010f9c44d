export { BINARY_FORMATS, EXTENSIONS, extensionFormat, FORMATS, formatOf, isChart, type Format } from '../chart-kinds.js';
