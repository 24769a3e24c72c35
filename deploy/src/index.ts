// Deployment tooling: the roles MindFlow deploys, their bundling for the images, and the checks of the
// Dockerfiles, docker-compose.yml and k8s/ (run by `nx run @mindflow/deploy:check`).
export { bundledRoles, bundleOf, clientWorkload, images, opsPort, roleNamed, roles, type Image, type Role } from './roles/roles.js';
export { bundleRole, type BundleResult } from './bundle/bundle-role.js';
export { formatProblem, type Problem } from './report/problem.js';
