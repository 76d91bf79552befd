export * from './analytics';
export * from './articles';
export * from './audit';
export * from './editorial';
export * from './media';
export * from './settings';
export * from './taxonomy';
export * from './users';
