// Test files other projects' tests may use (`@mindflow/media-service/testing`): the security suites attack the
// gateway with the same hostile files the media specs refuse.
export { htmlPosingAsImage, photoWithGps, png, scriptPosingAsImage, silentMp3 } from './sample-files.js';
