// Original file: mindflow/command/v1/command.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CalendarEventResult as _mindflow_command_v1_CalendarEventResult, CalendarEventResult__Output as _mindflow_command_v1_CalendarEventResult__Output } from '../../../mindflow/command/v1/CalendarEventResult.js';
import type { CancelEventRequest as _mindflow_command_v1_CancelEventRequest, CancelEventRequest__Output as _mindflow_command_v1_CancelEventRequest__Output } from '../../../mindflow/command/v1/CancelEventRequest.js';
import type { CaptureThoughtRequest as _mindflow_command_v1_CaptureThoughtRequest, CaptureThoughtRequest__Output as _mindflow_command_v1_CaptureThoughtRequest__Output } from '../../../mindflow/command/v1/CaptureThoughtRequest.js';
import type { CompleteTaskRequest as _mindflow_command_v1_CompleteTaskRequest, CompleteTaskRequest__Output as _mindflow_command_v1_CompleteTaskRequest__Output } from '../../../mindflow/command/v1/CompleteTaskRequest.js';
import type { CreateEntryRequest as _mindflow_command_v1_CreateEntryRequest, CreateEntryRequest__Output as _mindflow_command_v1_CreateEntryRequest__Output } from '../../../mindflow/command/v1/CreateEntryRequest.js';
import type { CreateJournalRequest as _mindflow_command_v1_CreateJournalRequest, CreateJournalRequest__Output as _mindflow_command_v1_CreateJournalRequest__Output } from '../../../mindflow/command/v1/CreateJournalRequest.js';
import type { CreateTaskRequest as _mindflow_command_v1_CreateTaskRequest, CreateTaskRequest__Output as _mindflow_command_v1_CreateTaskRequest__Output } from '../../../mindflow/command/v1/CreateTaskRequest.js';
import type { DeleteEntryRequest as _mindflow_command_v1_DeleteEntryRequest, DeleteEntryRequest__Output as _mindflow_command_v1_DeleteEntryRequest__Output } from '../../../mindflow/command/v1/DeleteEntryRequest.js';
import type { DeleteJournalRequest as _mindflow_command_v1_DeleteJournalRequest, DeleteJournalRequest__Output as _mindflow_command_v1_DeleteJournalRequest__Output } from '../../../mindflow/command/v1/DeleteJournalRequest.js';
import type { DeleteResult as _mindflow_command_v1_DeleteResult, DeleteResult__Output as _mindflow_command_v1_DeleteResult__Output } from '../../../mindflow/command/v1/DeleteResult.js';
import type { DeleteTaskRequest as _mindflow_command_v1_DeleteTaskRequest, DeleteTaskRequest__Output as _mindflow_command_v1_DeleteTaskRequest__Output } from '../../../mindflow/command/v1/DeleteTaskRequest.js';
import type { DeleteThoughtRequest as _mindflow_command_v1_DeleteThoughtRequest, DeleteThoughtRequest__Output as _mindflow_command_v1_DeleteThoughtRequest__Output } from '../../../mindflow/command/v1/DeleteThoughtRequest.js';
import type { EntryResult as _mindflow_command_v1_EntryResult, EntryResult__Output as _mindflow_command_v1_EntryResult__Output } from '../../../mindflow/command/v1/EntryResult.js';
import type { JournalResult as _mindflow_command_v1_JournalResult, JournalResult__Output as _mindflow_command_v1_JournalResult__Output } from '../../../mindflow/command/v1/JournalResult.js';
import type { ReopenTaskRequest as _mindflow_command_v1_ReopenTaskRequest, ReopenTaskRequest__Output as _mindflow_command_v1_ReopenTaskRequest__Output } from '../../../mindflow/command/v1/ReopenTaskRequest.js';
import type { ScheduleEventRequest as _mindflow_command_v1_ScheduleEventRequest, ScheduleEventRequest__Output as _mindflow_command_v1_ScheduleEventRequest__Output } from '../../../mindflow/command/v1/ScheduleEventRequest.js';
import type { TaskResult as _mindflow_command_v1_TaskResult, TaskResult__Output as _mindflow_command_v1_TaskResult__Output } from '../../../mindflow/command/v1/TaskResult.js';
import type { ThoughtResult as _mindflow_command_v1_ThoughtResult, ThoughtResult__Output as _mindflow_command_v1_ThoughtResult__Output } from '../../../mindflow/command/v1/ThoughtResult.js';
import type { UpdateEntryRequest as _mindflow_command_v1_UpdateEntryRequest, UpdateEntryRequest__Output as _mindflow_command_v1_UpdateEntryRequest__Output } from '../../../mindflow/command/v1/UpdateEntryRequest.js';
import type { UpdateJournalRequest as _mindflow_command_v1_UpdateJournalRequest, UpdateJournalRequest__Output as _mindflow_command_v1_UpdateJournalRequest__Output } from '../../../mindflow/command/v1/UpdateJournalRequest.js';
import type { UpdateTaskRequest as _mindflow_command_v1_UpdateTaskRequest, UpdateTaskRequest__Output as _mindflow_command_v1_UpdateTaskRequest__Output } from '../../../mindflow/command/v1/UpdateTaskRequest.js';
import type { UpdateThoughtRequest as _mindflow_command_v1_UpdateThoughtRequest, UpdateThoughtRequest__Output as _mindflow_command_v1_UpdateThoughtRequest__Output } from '../../../mindflow/command/v1/UpdateThoughtRequest.js';

export interface CommandServiceClient extends grpc.Client {
  CancelEvent(argument: _mindflow_command_v1_CancelEventRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  CancelEvent(argument: _mindflow_command_v1_CancelEventRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  CancelEvent(argument: _mindflow_command_v1_CancelEventRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  CancelEvent(argument: _mindflow_command_v1_CancelEventRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  cancelEvent(argument: _mindflow_command_v1_CancelEventRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  cancelEvent(argument: _mindflow_command_v1_CancelEventRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  cancelEvent(argument: _mindflow_command_v1_CancelEventRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  cancelEvent(argument: _mindflow_command_v1_CancelEventRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  
  CaptureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  CaptureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  CaptureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  CaptureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  captureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  captureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  captureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  captureThought(argument: _mindflow_command_v1_CaptureThoughtRequest, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  
  CompleteTask(argument: _mindflow_command_v1_CompleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _mindflow_command_v1_CompleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _mindflow_command_v1_CompleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  CompleteTask(argument: _mindflow_command_v1_CompleteTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _mindflow_command_v1_CompleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _mindflow_command_v1_CompleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _mindflow_command_v1_CompleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  completeTask(argument: _mindflow_command_v1_CompleteTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  
  CreateEntry(argument: _mindflow_command_v1_CreateEntryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  CreateEntry(argument: _mindflow_command_v1_CreateEntryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  CreateEntry(argument: _mindflow_command_v1_CreateEntryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  CreateEntry(argument: _mindflow_command_v1_CreateEntryRequest, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  createEntry(argument: _mindflow_command_v1_CreateEntryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  createEntry(argument: _mindflow_command_v1_CreateEntryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  createEntry(argument: _mindflow_command_v1_CreateEntryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  createEntry(argument: _mindflow_command_v1_CreateEntryRequest, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  
  CreateJournal(argument: _mindflow_command_v1_CreateJournalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  CreateJournal(argument: _mindflow_command_v1_CreateJournalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  CreateJournal(argument: _mindflow_command_v1_CreateJournalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  CreateJournal(argument: _mindflow_command_v1_CreateJournalRequest, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  createJournal(argument: _mindflow_command_v1_CreateJournalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  createJournal(argument: _mindflow_command_v1_CreateJournalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  createJournal(argument: _mindflow_command_v1_CreateJournalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  createJournal(argument: _mindflow_command_v1_CreateJournalRequest, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  
  CreateTask(argument: _mindflow_command_v1_CreateTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  CreateTask(argument: _mindflow_command_v1_CreateTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  CreateTask(argument: _mindflow_command_v1_CreateTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  CreateTask(argument: _mindflow_command_v1_CreateTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  createTask(argument: _mindflow_command_v1_CreateTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  createTask(argument: _mindflow_command_v1_CreateTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  createTask(argument: _mindflow_command_v1_CreateTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  createTask(argument: _mindflow_command_v1_CreateTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  
  DeleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteEntry(argument: _mindflow_command_v1_DeleteEntryRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  
  DeleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteJournal(argument: _mindflow_command_v1_DeleteJournalRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  
  DeleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteTask(argument: _mindflow_command_v1_DeleteTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  
  DeleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  DeleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  deleteThought(argument: _mindflow_command_v1_DeleteThoughtRequest, callback: grpc.requestCallback<_mindflow_command_v1_DeleteResult__Output>): grpc.ClientUnaryCall;
  
  ReopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  ReopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  ReopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  ReopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  reopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  reopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  reopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  reopenTask(argument: _mindflow_command_v1_ReopenTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  
  ScheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  ScheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  ScheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  ScheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  scheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  scheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  scheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  scheduleEvent(argument: _mindflow_command_v1_ScheduleEventRequest, callback: grpc.requestCallback<_mindflow_command_v1_CalendarEventResult__Output>): grpc.ClientUnaryCall;
  
  UpdateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  UpdateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  UpdateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  UpdateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  updateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  updateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  updateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  updateEntry(argument: _mindflow_command_v1_UpdateEntryRequest, callback: grpc.requestCallback<_mindflow_command_v1_EntryResult__Output>): grpc.ClientUnaryCall;
  
  UpdateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  UpdateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  UpdateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  UpdateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  updateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  updateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  updateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  updateJournal(argument: _mindflow_command_v1_UpdateJournalRequest, callback: grpc.requestCallback<_mindflow_command_v1_JournalResult__Output>): grpc.ClientUnaryCall;
  
  UpdateTask(argument: _mindflow_command_v1_UpdateTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  UpdateTask(argument: _mindflow_command_v1_UpdateTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  UpdateTask(argument: _mindflow_command_v1_UpdateTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  UpdateTask(argument: _mindflow_command_v1_UpdateTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  updateTask(argument: _mindflow_command_v1_UpdateTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  updateTask(argument: _mindflow_command_v1_UpdateTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  updateTask(argument: _mindflow_command_v1_UpdateTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  updateTask(argument: _mindflow_command_v1_UpdateTaskRequest, callback: grpc.requestCallback<_mindflow_command_v1_TaskResult__Output>): grpc.ClientUnaryCall;
  
  UpdateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  UpdateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  UpdateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  UpdateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  updateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  updateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  updateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  updateThought(argument: _mindflow_command_v1_UpdateThoughtRequest, callback: grpc.requestCallback<_mindflow_command_v1_ThoughtResult__Output>): grpc.ClientUnaryCall;
  
}

export interface CommandServiceHandlers extends grpc.UntypedServiceImplementation {
  CancelEvent: grpc.handleUnaryCall<_mindflow_command_v1_CancelEventRequest__Output, _mindflow_command_v1_DeleteResult>;
  
  CaptureThought: grpc.handleUnaryCall<_mindflow_command_v1_CaptureThoughtRequest__Output, _mindflow_command_v1_ThoughtResult>;
  
  CompleteTask: grpc.handleUnaryCall<_mindflow_command_v1_CompleteTaskRequest__Output, _mindflow_command_v1_TaskResult>;
  
  CreateEntry: grpc.handleUnaryCall<_mindflow_command_v1_CreateEntryRequest__Output, _mindflow_command_v1_EntryResult>;
  
  CreateJournal: grpc.handleUnaryCall<_mindflow_command_v1_CreateJournalRequest__Output, _mindflow_command_v1_JournalResult>;
  
  CreateTask: grpc.handleUnaryCall<_mindflow_command_v1_CreateTaskRequest__Output, _mindflow_command_v1_TaskResult>;
  
  DeleteEntry: grpc.handleUnaryCall<_mindflow_command_v1_DeleteEntryRequest__Output, _mindflow_command_v1_DeleteResult>;
  
  DeleteJournal: grpc.handleUnaryCall<_mindflow_command_v1_DeleteJournalRequest__Output, _mindflow_command_v1_DeleteResult>;
  
  DeleteTask: grpc.handleUnaryCall<_mindflow_command_v1_DeleteTaskRequest__Output, _mindflow_command_v1_DeleteResult>;
  
  DeleteThought: grpc.handleUnaryCall<_mindflow_command_v1_DeleteThoughtRequest__Output, _mindflow_command_v1_DeleteResult>;
  
  ReopenTask: grpc.handleUnaryCall<_mindflow_command_v1_ReopenTaskRequest__Output, _mindflow_command_v1_TaskResult>;
  
  ScheduleEvent: grpc.handleUnaryCall<_mindflow_command_v1_ScheduleEventRequest__Output, _mindflow_command_v1_CalendarEventResult>;
  
  UpdateEntry: grpc.handleUnaryCall<_mindflow_command_v1_UpdateEntryRequest__Output, _mindflow_command_v1_EntryResult>;
  
  UpdateJournal: grpc.handleUnaryCall<_mindflow_command_v1_UpdateJournalRequest__Output, _mindflow_command_v1_JournalResult>;
  
  UpdateTask: grpc.handleUnaryCall<_mindflow_command_v1_UpdateTaskRequest__Output, _mindflow_command_v1_TaskResult>;
  
  UpdateThought: grpc.handleUnaryCall<_mindflow_command_v1_UpdateThoughtRequest__Output, _mindflow_command_v1_ThoughtResult>;
  
}

export interface CommandServiceDefinition extends grpc.ServiceDefinition {
  CancelEvent: MethodDefinition<_mindflow_command_v1_CancelEventRequest, _mindflow_command_v1_DeleteResult, _mindflow_command_v1_CancelEventRequest__Output, _mindflow_command_v1_DeleteResult__Output>
  CaptureThought: MethodDefinition<_mindflow_command_v1_CaptureThoughtRequest, _mindflow_command_v1_ThoughtResult, _mindflow_command_v1_CaptureThoughtRequest__Output, _mindflow_command_v1_ThoughtResult__Output>
  CompleteTask: MethodDefinition<_mindflow_command_v1_CompleteTaskRequest, _mindflow_command_v1_TaskResult, _mindflow_command_v1_CompleteTaskRequest__Output, _mindflow_command_v1_TaskResult__Output>
  CreateEntry: MethodDefinition<_mindflow_command_v1_CreateEntryRequest, _mindflow_command_v1_EntryResult, _mindflow_command_v1_CreateEntryRequest__Output, _mindflow_command_v1_EntryResult__Output>
  CreateJournal: MethodDefinition<_mindflow_command_v1_CreateJournalRequest, _mindflow_command_v1_JournalResult, _mindflow_command_v1_CreateJournalRequest__Output, _mindflow_command_v1_JournalResult__Output>
  CreateTask: MethodDefinition<_mindflow_command_v1_CreateTaskRequest, _mindflow_command_v1_TaskResult, _mindflow_command_v1_CreateTaskRequest__Output, _mindflow_command_v1_TaskResult__Output>
  DeleteEntry: MethodDefinition<_mindflow_command_v1_DeleteEntryRequest, _mindflow_command_v1_DeleteResult, _mindflow_command_v1_DeleteEntryRequest__Output, _mindflow_command_v1_DeleteResult__Output>
  DeleteJournal: MethodDefinition<_mindflow_command_v1_DeleteJournalRequest, _mindflow_command_v1_DeleteResult, _mindflow_command_v1_DeleteJournalRequest__Output, _mindflow_command_v1_DeleteResult__Output>
  DeleteTask: MethodDefinition<_mindflow_command_v1_DeleteTaskRequest, _mindflow_command_v1_DeleteResult, _mindflow_command_v1_DeleteTaskRequest__Output, _mindflow_command_v1_DeleteResult__Output>
  DeleteThought: MethodDefinition<_mindflow_command_v1_DeleteThoughtRequest, _mindflow_command_v1_DeleteResult, _mindflow_command_v1_DeleteThoughtRequest__Output, _mindflow_command_v1_DeleteResult__Output>
  ReopenTask: MethodDefinition<_mindflow_command_v1_ReopenTaskRequest, _mindflow_command_v1_TaskResult, _mindflow_command_v1_ReopenTaskRequest__Output, _mindflow_command_v1_TaskResult__Output>
  ScheduleEvent: MethodDefinition<_mindflow_command_v1_ScheduleEventRequest, _mindflow_command_v1_CalendarEventResult, _mindflow_command_v1_ScheduleEventRequest__Output, _mindflow_command_v1_CalendarEventResult__Output>
  UpdateEntry: MethodDefinition<_mindflow_command_v1_UpdateEntryRequest, _mindflow_command_v1_EntryResult, _mindflow_command_v1_UpdateEntryRequest__Output, _mindflow_command_v1_EntryResult__Output>
  UpdateJournal: MethodDefinition<_mindflow_command_v1_UpdateJournalRequest, _mindflow_command_v1_JournalResult, _mindflow_command_v1_UpdateJournalRequest__Output, _mindflow_command_v1_JournalResult__Output>
  UpdateTask: MethodDefinition<_mindflow_command_v1_UpdateTaskRequest, _mindflow_command_v1_TaskResult, _mindflow_command_v1_UpdateTaskRequest__Output, _mindflow_command_v1_TaskResult__Output>
  UpdateThought: MethodDefinition<_mindflow_command_v1_UpdateThoughtRequest, _mindflow_command_v1_ThoughtResult, _mindflow_command_v1_UpdateThoughtRequest__Output, _mindflow_command_v1_ThoughtResult__Output>
}
